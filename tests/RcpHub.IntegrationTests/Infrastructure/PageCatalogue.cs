using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RcpHub.Features.Demo;

namespace RcpHub.IntegrationTests.Infrastructure;

/// <summary>Every page of the running application, with an address to open it at: route parameters are
/// filled from the demo process (loaded by <see cref="PrepareAsync"/>). A page whose parameter has no sample
/// here makes <see cref="AddressesAsync"/> fail, so a new page cannot escape the checks that use the catalogue
/// (accessibility, query budget). Each walk also checks the status every page answers its reader
/// (<see cref="Unexpected"/>): 200 unless declared otherwise in <see cref="Declared"/>, so that a page failing with a
/// 500 fails the walk instead of being measured or scanned as if it worked.</summary>
public static partial class PageCatalogue
{
    /// <summary>Who walks the catalogue: anonymously, as the platform administrator, or as the demo secretariat.</summary>
    public enum Reader { Anonymous, Administrator, Secretariat }

    /// <summary>The pages (by route pattern) that answer a reader with something else than 200, after redirects (a page
    /// that needs signing in ends on the sign-in page, a 200). Keep it short: each entry says why.</summary>
    private static readonly Dictionary<(string Pattern, Reader Reader), HttpStatusCode> Declared = DeclareStatuses();

    private static Dictionary<(string, Reader), HttpStatusCode> DeclareStatuses()
    {
        var declared = new Dictionary<(string, Reader), HttpStatusCode>();
        void ForEveryone(string pattern, HttpStatusCode status)
        {
            foreach (var reader in Enum.GetValues<Reader>())
            {
                declared[(pattern, reader)] = status;
            }
        }
        // Opened without the link of an invitation: there is no invitation to accept.
        ForEveryone("/account/accept-invitation", HttpStatusCode.NotFound);
        ForEveryone("/account/access-denied", HttpStatusCode.Forbidden);
        // The sample token was never issued.
        ForEveryone("/calendar/{token}.ics", HttpStatusCode.NotFound);
        ForEveryone("/saved-searches/stop/{token}", HttpStatusCode.NotFound);
        // The page the exception handler renders, opened directly: still the answer to a failure.
        ForEveryone("/error", HttpStatusCode.InternalServerError);
        // The {id} sample is the demo's held expert meeting, for members only: "not found" to anyone else.
        foreach (var meetingPage in new[] { "", "/documents", "/statements", "/documents/{documentId:int}", "/participants", "/report", "/report/print", "/sessions/{sessionId:int}/report" })
        {
            declared[("/meetings/{id:int}" + meetingPage, Reader.Anonymous)] = HttpStatusCode.NotFound;
        }
        // The {id} sample is the demo's adopted recommendations, for members only: "not found" to anyone else.
        foreach (var outputPage in new[] { "", "/diff" })
        {
            declared[("/processes/{slug}/outputs/{id:int}" + outputPage, Reader.Anonymous)] = HttpStatusCode.NotFound;
        }
        // The sample output is for the members of the demo process only.
        declared[("/processes/{slug}/outputs/{id:int}/recommendations/{number:int}", Reader.Anonymous)] = HttpStatusCode.NotFound;
        // The platform's own pages are for its administrators: a process's secretariat is sent to "access denied".
        foreach (var adminPage in new[] { "/admin/audit", "/admin/invitations" })
        {
            declared[(adminPage, Reader.Secretariat)] = HttpStatusCode.Forbidden;
        }
        return declared;
    }

    /// <summary>Why <paramref name="status"/> is not what <paramref name="reader"/> should get at <paramref name="address"/>;
    /// null when it is.</summary>
    public static string? Unexpected(string address, Reader reader, HttpStatusCode status)
    {
        var expected = Patterns.TryGetValue(address, out var pattern) && Declared.TryGetValue((pattern, reader), out var declared) ? declared : HttpStatusCode.OK;
        return status == expected ? null : $"{address} ({reader}): {(int)status}, expected {(int)expected}";
    }

    /// <summary>The route pattern each address was made from (addresses are the same in every factory with the demo loaded).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Patterns = new();

    /// <summary>Loads the demo process and its accounts (one per role) into the factory's database.</summary>
    public static Task PrepareAsync(RcpHubFactory factory) => DemoData.LoadAsync(factory.Services, TextWriter.Null);

    /// <summary>A value for each route parameter, by name and the route it is in (a "{id}" is the id of what the segment
    /// before it names), taken from the demo process; null when there is none.</summary>
    public static async Task<Dictionary<string, Func<string, string?>>> SamplesAsync(RcpHubFactory factory)
    {
        await using var scope = factory.Scope();
        var db = scope.Db;
        var process = await db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Id).SingleAsync();
        var body = await db.Bodies.Where(b => b.ProcessId == process).OrderBy(b => b.Id).Select(b => new { b.Id, Member = b.Members.OrderBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefault() }).FirstAsync();
        var samples = new Dictionary<string, Func<string, string?>>(StringComparer.OrdinalIgnoreCase)
        {
            // An organisation's page: the demo's verified civil society organisation, whose page shows the most.
            ["slug"] = pattern => pattern is "/organizations/{slug}" or "/organizations/{slug}/edit" ? DemoData.DemoOrganizations[0]
                : pattern.StartsWith("/organizations", StringComparison.Ordinal) || pattern.StartsWith("/api/v1/organizations", StringComparison.Ordinal) ? "iom" : DemoData.ProcessSlug,
            ["code"] = pattern => pattern.StartsWith("/sdg", StringComparison.Ordinal) || pattern.StartsWith("/api/v1/sdg", StringComparison.Ordinal) ? "10.7" : "fra",
            // Recommendation 1 of output 1 (members only); GCM objective 1.
            ["number"] = _ => "1",
            ["memberId"] = _ => Text(body.Member),
        };
        var chairTerm = await db.ChairTerms.Where(t => t.ProcessId == process).OrderBy(t => t.Id).Select(t => (int?)t.Id).FirstOrDefaultAsync();
        var membership = await db.Memberships.Where(m => m.ProcessId == process).OrderBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync();
        var ids = new Dictionary<string, int?>
        {
            ["bodies"] = body.Id,
            ["chairs"] = chairTerm,
            ["chair-terms"] = chairTerm,
            ["membership"] = membership,
            ["memberships"] = membership,
            ["meetings"] = await db.Meetings.Where(m => m.ProcessId == process).OrderBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync(),
            ["changes"] = await db.PolicyChanges.Where(c => c.ProcessId == process).OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync(),
            // The demo's published public practice (issue 12).
            ["practices"] = await db.Practices.Where(p => p.ProcessId == process).OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(),
            // Output 1: members only, adopted, recommendations 1-3 (output 2 is a public draft without any).
            ["outputs"] = await db.Outputs.Where(o => o.ProcessId == process).OrderBy(o => o.Id).Select(o => (int?)o.Id).FirstOrDefaultAsync(),
            // The demo caucus's draft joint position (issue 11).
            ["caucus"] = await db.CaucusPositions.Where(p => p.ProcessId == process).OrderBy(p => p.Id).Select(p => (int?)p.Id).FirstOrDefaultAsync(),
            ["invitations"] = await db.Invitations.Where(i => i.ProcessId == process).OrderBy(i => i.Id).Select(i => (int?)i.Id).FirstOrDefaultAsync(),
        };
        var session = await db.Sessions.Where(s => s.Meeting!.ProcessId == process).OrderBy(s => s.Id).Select(s => (int?)s.Id).FirstOrDefaultAsync();
        samples["sessionId"] = _ => Text(session);
        // The demo concept note, a document of the first demo meeting (the one the {id} sample names).
        var document = await db.Documents.Where(d => d.MeetingId == ids["meetings"]).OrderBy(d => d.Id).Select(d => (int?)d.Id).FirstOrDefaultAsync();
        samples["documentId"] = _ => Text(document);
        var version = await db.DocumentVersions.Where(v => v.DocumentId == document).OrderBy(v => v.Id).Select(v => (int?)v.Id).FirstOrDefaultAsync();
        samples["versionId"] = _ => Text(version);
        var item = await db.AgendaItems.Where(i => i.MeetingId == ids["meetings"]).OrderBy(i => i.Id).Select(i => (int?)i.Id).FirstOrDefaultAsync();
        samples["itemId"] = _ => Text(item);
        // The demo's evaluation round, open, on its adopted output.
        var round = await db.EvaluationRounds.Where(r => r.ProcessId == process).OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync();
        samples["roundId"] = _ => Text(round);
        // The demo call for participation (open) and its first application.
        var call = await db.ParticipationCalls.Where(c => c.ProcessId == process).OrderBy(c => c.Id).Select(c => (int?)c.Id).FirstOrDefaultAsync();
        samples["callId"] = _ => Text(call);
        var application = await db.CallApplications.Where(a => a.CallId == call).OrderBy(a => a.Id).Select(a => (int?)a.Id).FirstOrDefaultAsync();
        samples["applicationId"] = _ => Text(application);
        // The demo data request (issue 12): sent, open, Morocco submitted, its aggregate published.
        var dataRequest = await db.DataRequests.Where(r => r.ProcessId == process).OrderBy(r => r.Id).Select(r => (int?)r.Id).FirstOrDefaultAsync();
        samples["requestId"] = _ => Text(dataRequest);
        // An address that was never issued: the feed answers 404, as for a revoked one.
        samples["token"] = _ => "not-a-calendar-token";
        // Follow-up: Morocco, the demo focal point's state, and the first recommendation of the adopted demo output (it has a report).
        samples["state"] = _ => "mar";
        var recommendation = await db.Recommendations.Where(r => r.Output!.ProcessId == process && r.Output.AdoptedOn != null).OrderBy(r => r.OutputId).ThenBy(r => r.Number).Select(r => (int?)r.Id).FirstOrDefaultAsync();
        samples["recommendationId"] = _ => Text(recommendation);
        // The directory's sample profile: the demo focal point's (issue 12).
        var focalPoint = DemoData.Accounts.Single(a => a.Role == RcpHub.Domain.ProcessRole.FocalPoint && !a.IsAdministrator).Email;
        var person = await db.Users.Where(u => u.Email == focalPoint).Select(u => u.Id).SingleAsync();
        samples["person"] = _ => person;
        samples["id"] = pattern => Regex.Match(pattern, @"/([\w-]+)/\{id") is { Success: true } m && ids.TryGetValue(m.Groups[1].Value, out var id)
            ? Text(id)
            : null;
        return samples;
    }

    private static string? Text(int? id) => id?.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<IReadOnlyList<string>> AddressesAsync(RcpHubFactory factory)
    {
        var samples = await SamplesAsync(factory);
        var pages = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct()
            .Order(StringComparer.Ordinal);
        var addresses = new List<string>();
        var unknown = new List<string>();
        foreach (var pattern in pages)
        {
            var address = Parameter().Replace(pattern, m =>
            {
                var name = m.Groups[1].Value;
                var value = samples.TryGetValue(name, out var sample) ? sample(pattern) : null;
                if (value is null)
                {
                    unknown.Add($"{pattern}: no sample for {{{name}}}");
                    return m.Value;
                }
                return value;
            });
            addresses.Add(address);
            Patterns[address] = pattern;
        }
        Assert.True(unknown.Count == 0, "Add samples to PageCatalogue for:\n" + string.Join("\n", unknown));
        // Search without words shows the form alone: open it with words the demo data holds (a meeting, an agenda item, the concept note).
        addresses.Add("/search?q=demo");
        return addresses;
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\??\}")]
    private static partial Regex Parameter();
}
