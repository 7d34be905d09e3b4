using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Search;

public static class SearchArrange
{
    /// <summary>A document with one version (English unless said) whose text was read as <paramref name="text"/>, stored as an upload leaves it.</summary>
    public static Task<Document> DocumentAsync(RcpHubFactory factory, int meetingId, string title, string text, DocumentAccess access = DocumentAccess.Meeting,
        string language = "en") =>
        DocumentAsync(factory.Services, meetingId, title, text, access, language);

    /// <summary>As <see cref="DocumentAsync(RcpHubFactory, int, string, string, DocumentAccess)"/>, through the services of a
    /// host the test has changed.</summary>
    public static async Task<Document> DocumentAsync(IServiceProvider services, int meetingId, string title, string text, DocumentAccess access = DocumentAccess.Meeting,
        string language = "en")
    {
        await using var scope = new TestScope(services.CreateAsyncScope());
        var meeting = await scope.Db.Meetings.SingleAsync(m => m.Id == meetingId);
        var bytes = Encoding.UTF8.GetBytes(text);
        var document = new Document
        {
            Meeting = meeting, Title = title, Access = access, CreatedAt = DateTimeOffset.UtcNow,
            Versions =
            [
                new DocumentVersion
                {
                    Language = language, Status = TranslationStatus.Original, Number = 1, FileName = "note.pdf", ContentType = "application/pdf",
                    Size = bytes.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), UploadedAt = DateTimeOffset.UtcNow,
                    ExtractedText = text, Content = new DocumentContent { Bytes = bytes },
                },
            ],
        };
        scope.Db.Documents.Add(document);
        await scope.Db.SaveChangesAsync();
        return document;
    }
}
