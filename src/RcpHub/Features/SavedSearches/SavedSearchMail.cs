using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Features.Search;
using RcpHub.Infrastructure.Email;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.SavedSearches;

/// <summary>The weekly mail of a saved search: once its week is over, the search is run again as its owner may read at
/// that moment (<see cref="MeetingReaders.ForUserAsync"/>, so nothing they may no longer see), over the index entries
/// made since the last mail only, and the new results are mailed in the owner's language, best first; no mail when
/// nothing is new. Run by the <see cref="MailDispatcher"/> on every instance: the outbox's unique key (search and week)
/// queues a week's mail once however many instances or rounds find it due, and the week is moved on with a conditional
/// update, so a second round in the same week finds nothing due.</summary>
public sealed class SavedSearchMail(AppDbContext db, SearchRanks ranks, MeetingReaders readers, Outbox outbox, TimeProvider clock, IConfiguration configuration,
    IStringLocalizer<SavedSearchesText> t) : IDueMail
{
    /// <summary>Searches run in one round; the rest wait for the next round, a minute later.</summary>
    private const int Batch = 50;

    public async Task<int> EnqueueDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var due = await db.SavedSearches.AsNoTracking()
            .Where(s => s.Weekly && s.DueAt <= now && s.User!.Email != null)
            .OrderBy(s => s.DueAt).ThenBy(s => s.Id).Take(Batch)
            .Select(s => new
            {
                s.Id, s.UserId, s.Name, s.Query, Process = s.Process != null ? s.Process.Slug : null, s.SeenUpTo, s.DueAt, s.StopToken,
                Filters = new SearchFilters(s.Kind, s.Year, s.Region, s.Level, s.Language, s.Theme, s.Objective),
                Recipient = new MailRecipient(s.UserId, s.User!.DisplayName, s.User.Email!, s.User.PreferredLanguage),
            })
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        // Read before the searches run: an entry made while they run is told of next week, not lost.
        var upTo = await db.SearchEntries.MaxAsync(e => (int?)e.Id, ct) ?? 0;
        var queued = 0;
        foreach (var s in due)
        {
            var reader = await readers.ForUserAsync(s.UserId);
            var found = s.SeenUpTo >= upTo ? null
                : await SiteSearch.RunAsync(db, ranks, reader, s.Query, s.Process, s.Filters, 1, ct, new SiteSearch.AddedBetween(s.SeenUpTo, upTo));
            if (found is { Total: > 0 } news)
            {
                var search = PublicLinks.To(configuration, Search.IndexModel.Address(s.Query, s.Process, s.Filters));
                var stop = PublicLinks.To(configuration, "/saved-searches/stop/" + s.StopToken);
                Letter Write(MailRecipient r)
                {
                    var lines = news.Items.Select(hit => $"- {hit.Title}{(hit.Context is null ? "" : $" ({hit.Context})")}\n  {PublicLinks.To(configuration, hit.Path)}");
                    var more = news.Total > news.Items.Count ? t.Plural(news.Total - news.Items.Count, "And {0} more.", "And {0} more.").Value : null;
                    return new Letter(t["New results for your saved search “{0}”", s.Name], string.Join("\n\n", new[]
                    {
                        t["Dear {0},", r.Name].Value,
                        t.Plural(news.Total, "{0} new result for “{1}” this week, as you may read it today:", "{0} new results for “{1}” this week, as you may read them today:", s.Query).Value,
                        string.Join("\n", lines),
                        more,
                        t["Every result of the search: {0}", search].Value,
                        t["To stop this weekly mail: {0}", stop].Value,
                    }.Where(l => l is not null)));
                }
                // The week by the exact instant it fell due (not its second: two weeks made due in one second, as a
                // test or an administrator moving the schedule can, would share a key and the second mail be dropped).
                var week = s.DueAt.UtcTicks.ToString(CultureInfo.InvariantCulture);
                var added = await outbox.EnqueueAsync([s.Recipient], MailKind.SavedSearchResults, meetingId: null,
                    _ => $"saved-search:{s.Id.ToString(CultureInfo.InvariantCulture)}:{week}", Write, ct: ct);
                if (added > 0 && await outbox.SaveDueAsync($"The weekly mail of saved search {s.Id}", ct))
                {
                    queued += added;
                }
            }
            // The next week, from where this one stopped (from now when the platform was down for longer than a week). The
            // schedule is bookkeeping, as the outbox is: not an audited change (ExecuteUpdate does not pass the audit).
            var next = s.DueAt + SavedSearchLimits.Every > now ? s.DueAt + SavedSearchLimits.Every : now + SavedSearchLimits.Every;
            var seen = Math.Max(s.SeenUpTo, upTo);
            await db.SavedSearches.Where(x => x.Id == s.Id && x.DueAt == s.DueAt)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.DueAt, next).SetProperty(x => x.SeenUpTo, seen), ct);
        }
        await outbox.DeliverQueuedAsync(ct);
        return queued;
    }
}
