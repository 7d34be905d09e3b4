using System.Net;
using System.Security.Cryptography;
using System.Text;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Search;

/// <summary>A process with hundreds of meetings, documents and agenda items matching one word: search shows the first 50
/// of each kind with the number of the others, in at most ten queries.</summary>
public sealed class SearchBudgetTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private AppUser _focalPoint = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        var midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        _focalPoint = await TestSignIn.CreateUserAsync(_factory, "fp@za.example", roles: new ReaderRole(midsa, ProcessRole.FocalPoint, "ZAF"));
        await using var scope = _factory.Scope();
        var audiences = Enum.GetValues<MeetingAudience>();
        var bytes = Encoding.UTF8.GetBytes("text");
        for (var i = 0; i < 240; i++)
        {
            var start = DateTimeOffset.UtcNow.AddDays(i - 120);
            var meeting = new Meeting
            {
                ProcessId = midsa, Title = $"Budget meeting {i:000}", Audience = audiences[i % audiences.Length], TimeZoneId = "Africa/Johannesburg",
                StartsAtUtc = start, EndsAtUtc = start.AddHours(8), CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
                PublicSummary = i % 10 == 0 ? "A summary of the budget talks." : null, SummaryPublished = i % 10 == 0,
            };
            if (meeting.Audience == MeetingAudience.ByInvitation)
            {
                meeting.Invitees.Add(new MeetingInvitee { StateCode = "ZAF" });
            }
            meeting.AgendaItems.Add(new AgendaItem { Title = "Budget of the process", Position = 1 });
            scope.Db.Meetings.Add(meeting);
            scope.Db.Documents.Add(new Document
            {
                Meeting = meeting, Title = $"Note {i:000}", Access = (DocumentAccess)(i % 3), CreatedAt = DateTimeOffset.UtcNow,
                Versions =
                [
                    new DocumentVersion
                    {
                        Language = "fr", Number = 1, FileName = "note.pdf", ContentType = "application/pdf", Size = bytes.Length,
                        Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), UploadedAt = DateTimeOffset.UtcNow,
                        ExtractedText = $"Le BUDGET prévisionnel n° {i}.", Content = new DocumentContent { Bytes = bytes },
                    },
                ],
            });
        }
        await scope.Db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Theory]
    [InlineData("/search?q=budget", true)]
    [InlineData("/search?q=budget", false)]
    [InlineData("/search?q=budget&process=midsa", true)]
    [InlineData("/api/v1/search?q=budget", true)]
    [InlineData("/api/v1/search?q=budget", false)]
    public async Task A_search_matching_hundreds_of_things_stays_within_ten_queries(string url, bool signedIn)
    {
        using var client = signedIn ? await TestSignIn.HttpClientAsync(_factory, _focalPoint) : _factory.CreateClient();
        _factory.Queries.Reset();
        using var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(_factory.Queries.Count <= 10, $"{_factory.Queries.Count} queries for {url}");
    }

    [Fact]
    public async Task A_word_that_does_not_fill_the_engines_best_is_ranked_without_asking_the_index_revision_first()
    {
        // Decision 0050: the revision is read in the ranking's own statement. The queries: the reader's roles, the ranking,
        // the reader's access to its matches, their tags, their processes, the page's rows.
        using var client = await TestSignIn.HttpClientAsync(_factory, _focalPoint);
        using (await client.GetAsync("/search?q=talks"))
        {
        }
        _factory.Queries.Reset();
        using var response = await client.GetAsync("/search?q=budget");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(6, _factory.Queries.Count);
    }

    [Fact]
    public async Task The_twenty_best_are_shown_with_the_counts_of_all_and_a_link_to_the_next()
    {
        using var browser = HtmlClient.For(_factory);
        var page = await browser.GetAsync("/search?q=budget");
        // Anonymous: the 60 public meetings and the 24 whose summary is published (one in ten, none of them public);
        // agenda items and documents of the public meetings only, documents open to the meeting (one in three of those).
        // Since the library (decision 0031) they come in one list, best first, twenty a page, with the counts by kind.
        Assert.Equal("Meetings (84)", page.Text("#found-meetings"));
        Assert.Equal("Agenda items (60)", page.Text("#found-agenda"));
        Assert.Equal("Documents (20)", page.Text("#found-documents"));
        Assert.Equal("164 results for “budget”", page.Text("p.count"));
        Assert.Equal(20, page.Document.QuerySelectorAll("ol.results > li").Length);

        var last = await browser.GetAsync("/search?q=budget&p=9");
        Assert.Equal(4, last.Document.QuerySelectorAll("ol.results > li").Length);
        Assert.Null(last.Document.QuerySelector("a[rel=next]"));
        Assert.NotNull(page.Document.QuerySelector("a[rel=next][href='/search?q=budget&p=2']"));

        var documents = await browser.GetAsync("/search?q=budget&kind=document");
        Assert.Equal(20, documents.Document.QuerySelectorAll("ol.results > li.document").Length);
        Assert.Equal("20 results for “budget”", documents.Text("p.count"));
    }
}
