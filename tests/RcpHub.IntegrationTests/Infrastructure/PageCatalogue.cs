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
/// (accessibility, query budget).</summary>
public static partial class PageCatalogue
{
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
            ["slug"] = pattern => pattern.StartsWith("/organizations", StringComparison.Ordinal) || pattern.StartsWith("/api/v1/organizations", StringComparison.Ordinal) ? "iom" : DemoData.ProcessSlug,
            ["code"] = _ => "fra",
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
        // An address that was never issued: the feed answers 404, as for a revoked one.
        samples["token"] = _ => "not-a-calendar-token";
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
        }
        Assert.True(unknown.Count == 0, "Add samples to PageCatalogue for:\n" + string.Join("\n", unknown));
        // Search without words shows the form alone: open it with words the demo data holds (a meeting, an agenda item, the concept note).
        addresses.Add("/search?q=demo");
        return addresses;
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\??\}")]
    private static partial Regex Parameter();
}
