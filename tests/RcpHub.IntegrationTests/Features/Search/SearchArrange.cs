using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Search;

/// <summary>A host for a test that fills the index with many entries of its own: MIDSA, a South African focal point of it
/// (<see cref="Member"/>), and a members-only meeting of MIDSA (<see cref="Closed"/>) for the entries only its members find.</summary>
public sealed record ManyEntriesHost(RcpHubFactory Factory, int Midsa, AppUser Member, Meeting Closed);

public static class SearchArrange
{
    /// <summary>A new host with MIDSA's focal point fp@za.example and a members-only meeting titled <paramref name="closedMeeting"/>.</summary>
    public static async Task<ManyEntriesHost> ManyEntriesHostAsync(string closedMeeting)
    {
        var factory = await RcpHubFactory.CreateAsync();
        var midsa = await Arrange.ProcessIdAsync(factory, "midsa");
        var member = await TestSignIn.CreateUserAsync(factory, "fp@za.example", roles: new ReaderRole(midsa, ProcessRole.FocalPoint, "ZAF"));
        var closed = await Arrange.MeetingAsync(factory, midsa, closedMeeting);
        return new ManyEntriesHost(factory, midsa, member, closed);
    }

    /// <summary>The library's API search (<paramref name="query"/>: q and any filters, escaped) as <paramref name="user"/>, or anonymously.</summary>
    public static async Task<JsonElement> SearchAsync(RcpHubFactory factory, string query, AppUser? user = null)
    {
        using var api = user is null ? factory.CreateClient() : await TestSignIn.HttpClientAsync(factory, user);
        return await api.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={query}");
    }

    /// <summary>A facet of an API search's answer: each value and its count.</summary>
    public static Dictionary<string, int> Counts(JsonElement results, string facet) =>
        results.GetProperty("facets").GetProperty(facet).EnumerateArray().ToDictionary(k => k.GetProperty("value").GetString()!, k => k.GetProperty("count").GetInt32());

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
