using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.Features.Calls;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Calls;

/// <summary>The panel's page of a call with many applications (issue 11's budget: every page of a call of 2,000 within
/// the weight and query budgets): the applications 50 a page, the same few queries on every page, and a decision form that
/// lists the proposal's applications and takes the others by pseudonym.</summary>
public sealed class CallPanelPagingTests : IAsyncLifetime
{
    private const int Count = 120;
    private RcpHubFactory _factory = null!;
    private AppUser _secretariat = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        await PageCatalogue.PrepareAsync(_factory);
        await using var scope = _factory.Scope();
        _secretariat = await scope.Db.Users.AsNoTracking().SingleAsync(u => u.Email == "secretariat@demo.rcphub.test");
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>A published call of two places with <see cref="Count"/> applications (in the order of their numbers), the
    /// demo secretariat on its panel; the pseudonyms in that order.</summary>
    private async Task<(int Call, List<(int Id, string Pseudonym)> Applications)> CallWithApplicationsAsync()
    {
        var call = await CallArrange.PublishedCallAsync(_factory);
        var applicant = await TestSignIn.CreateUserAsync(_factory, $"applicant-{Guid.NewGuid():N}@example.org");
        await using var scope = _factory.Scope();
        scope.Db.CallPanelMembers.Add(new CallPanelMember { CallId = call, UserId = _secretariat.Id, AddedAt = DateTimeOffset.UtcNow });
        var start = DateTimeOffset.UtcNow.AddDays(-5);
        for (var i = 0; i < Count; i++)
        {
            var number = i.ToString("000", CultureInfo.InvariantCulture);
            scope.Db.CallApplications.Add(new CallApplication
            {
                CallId = call,
                Organization = new Organization { Slug = $"paging-{call}-{number}", Name = $"Paging organisation {number}", Kind = OrganizationKind.CivilSociety },
                Pseudonym = $"A-P{call:000}{number}",
                SubmittedByUserId = applicant.Id,
                SubmittedAt = start.AddMinutes(i),
                Motivation = "We work with migrants.",
                RepresentativeName = "Representative " + number,
                RepresentativeEmail = $"representative-{number}@example.org",
                CountryCode = "SEN",
                OrganizationType = CivilSocietyType.Ngo,
            });
        }
        await scope.Db.SaveChangesAsync();
        var applications = await scope.Db.CallApplications.Where(a => a.CallId == call).OrderBy(a => a.Pseudonym)
            .Select(a => new { a.Id, a.Pseudonym }).ToListAsync();
        return (call, [.. applications.Select(a => (a.Id, a.Pseudonym))]);
    }

    [Fact]
    public async Task The_panel_lists_a_call_s_applications_fifty_a_page_with_the_same_few_queries_on_every_page()
    {
        var (call, applications) = await CallWithApplicationsAsync();
        using var pages = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var panel = $"/processes/demo/calls/{call}/panel";
        await pages.GetAsync(panel);

        foreach (var (page, first, rows) in new[] { (1, 0, 50), (2, 50, 50), (3, 100, 20), (99, 100, 20) })
        {
            _factory.Queries.Reset();
            var shown = await pages.GetAsync($"{panel}?p={page}");
            Assert.Equal(HttpStatusCode.OK, shown.Status);
            Assert.InRange(_factory.Queries.Count, 1, 10);
            var listed = shown.Document.QuerySelectorAll("#applications tbody tr").Select(r => r.GetAttribute("data-application")).ToList();
            Assert.Equal(applications.Skip(first).Take(rows).Select(a => a.Pseudonym), listed);
            Assert.Contains($"Page {Math.Min(page, 3)} of 3 ({Count} applications)", shown.Text("#application-pages"), StringComparison.Ordinal);
        }
        var firstPage = await pages.GetAsync(panel);
        Assert.Null(firstPage.Document.QuerySelector("#application-pages a[rel=prev]"));
        Assert.Equal($"{panel}?p=2", firstPage.Document.QuerySelector("#application-pages a[rel=next]")!.GetAttribute("href"));
        var lastPage = await pages.GetAsync($"{panel}?p=3");
        Assert.Null(lastPage.Document.QuerySelector("#application-pages a[rel=next]"));
    }

    [Fact]
    public async Task The_decision_form_lists_the_proposal_and_takes_other_applications_by_pseudonym_with_a_reason()
    {
        var (call, applications) = await CallWithApplicationsAsync();
        var (kept, dropped, added) = (applications[3], applications[70], applications[110]);
        await using (var scope = _factory.Scope())
        {
            // The proposal as the engine stores it (computing one is CallsTests' part): two of the 120 applications.
            var proposal = new ProposalJson(nameof(SelectionMethod.ScoreOptimal), [kept.Pseudonym, dropped.Pseudonym], 16m, [], [], null, null);
            await scope.Db.ParticipationCalls.Where(c => c.Id == call).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.Proposal, proposal.Write()).SetProperty(c => c.ProposedAt, DateTimeOffset.UtcNow));
        }
        using var pages = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var panel = await pages.GetAsync($"/processes/demo/calls/{call}/panel");
        var boxes = panel.Document.QuerySelectorAll("#decide input[type=checkbox]").Select(b => b.GetAttribute("value")).ToList();
        Assert.Equal(new[] { kept.Id, dropped.Id }.Select(id => id.ToString(CultureInfo.InvariantCulture)), boxes);

        // A pseudonym the call does not have is refused, and nothing is decided.
        var fields = new Dictionary<string, string>
        {
            ["Selected"] = kept.Id.ToString(CultureInfo.InvariantCulture),
            [$"Reasons[{dropped.Id}]"] = "The organisation withdrew its representative.",
            ["Added"] = "A-NOSUCH00 | a reason",
        };
        var refused = await pages.SubmitAsync(panel, "#decide", fields);
        Assert.Contains("There is no application A-NOSUCH00 in this call.", refused.Text("#decide"), StringComparison.Ordinal);
        // Added without a reason: the departure needs one, as for a ticked application.
        fields["Added"] = added.Pseudonym;
        refused = await pages.SubmitAsync(panel, "#decide", fields);
        Assert.Contains($"Say why the panel departs from the proposal for {added.Pseudonym}", refused.Text(".validation-summary-errors"), StringComparison.Ordinal);
        await using (var scope = _factory.Scope())
        {
            Assert.Null(await scope.Db.ParticipationCalls.Where(c => c.Id == call).Select(c => c.DecidedAt).SingleAsync());
        }

        fields["Added"] = $"{added.Pseudonym} | The only organisation from the Pacific.";
        var decided = await pages.SubmitAsync(panel, "#decide", fields);
        Assert.Equal(HttpStatusCode.OK, decided.Status);
        await using (var scope = _factory.Scope())
        {
            var outcomes = await scope.Db.CallApplications.Where(a => a.CallId == call && a.Outcome == ApplicationOutcome.Selected)
                .OrderBy(a => a.Pseudonym).Select(a => new { a.Id, a.DepartureReason }).ToListAsync();
            Assert.Equal([kept.Id, added.Id], outcomes.Select(o => o.Id));
            Assert.Equal("The only organisation from the Pacific.", outcomes[1].DepartureReason);
            Assert.Equal("The organisation withdrew its representative.",
                await scope.Db.CallApplications.Where(a => a.Id == dropped.Id).Select(a => a.DepartureReason).SingleAsync());
        }
    }
}
