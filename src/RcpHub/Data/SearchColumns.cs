using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Query;
using RcpHub.Domain;

namespace RcpHub.Data;

/// <summary>Keeps the search columns (<see cref="SearchFolding"/> forms of titles, summaries and document text) in step
/// with what they are made from: filled on every save, whatever command, API or seed made the change, so that
/// no write path can forget them; so is the index of the words of document text (<see cref="DocumentWord"/>).</summary>
internal static class SearchColumns
{
    /// <summary>Fills the folded columns of the rows added or changed, and replaces the words (<see cref="DocumentWord"/>)
    /// of each version whose text is new or changed; those already stored are read only for a changed text.</summary>
    public static async Task FillAsync(AppDbContext db, CancellationToken ct)
    {
        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        var reindexed = new List<(EntityEntry Entry, DocumentVersion Version)>();
        foreach (var entry in tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            switch (entry.Entity)
            {
                case Process p when Changed(entry, nameof(Process.Acronym), nameof(Process.Name)):
                    Set(entry, nameof(Process.SearchName), SearchFolding.Fold($"{p.Acronym} {p.Name}"));
                    break;
                case Meeting m:
                    if (Changed(entry, nameof(Meeting.Title)))
                    {
                        Set(entry, nameof(Meeting.SearchTitle), SearchFolding.Fold(m.Title));
                    }
                    if (Changed(entry, nameof(Meeting.PublicSummary)))
                    {
                        Set(entry, nameof(Meeting.SearchSummary), SearchFolding.FoldOrNull(m.PublicSummary));
                    }
                    break;
                case AgendaItem i when Changed(entry, nameof(AgendaItem.Title), nameof(AgendaItem.Description)):
                    Set(entry, nameof(AgendaItem.SearchText), SearchFolding.Fold($"{i.Title} {i.Description}"));
                    break;
                case Document d when Changed(entry, nameof(Document.Title)):
                    Set(entry, nameof(Document.SearchTitle), SearchFolding.Fold(d.Title));
                    break;
                case DocumentVersion v when Changed(entry, nameof(DocumentVersion.ExtractedText)):
                    Set(entry, nameof(DocumentVersion.SearchText), SearchFolding.FoldOrNull(v.ExtractedText));
                    reindexed.Add((entry, v));
                    break;
            }
        }
        var changedIds = reindexed.Where(r => r.Entry.State == EntityState.Modified).Select(r => r.Version.Id).ToList();
        var stored = (changedIds.Count == 0 ? [] : await db.DocumentWords.Where(w => changedIds.Contains(w.VersionId)).ToListAsync(ct))
            .ToLookup(w => w.VersionId);
        foreach (var (_, version) in reindexed)
        {
            var words = new HashSet<string>(version.SearchText is { } text ? SearchFolding.Words(text) : [], StringComparer.Ordinal);
            var kept = stored[version.Id].ToDictionary(w => w.Word, StringComparer.Ordinal);
            db.DocumentWords.RemoveRange(kept.Values.Where(w => !words.Contains(w.Word)));
            db.DocumentWords.AddRange(words.Where(w => !kept.ContainsKey(w)).Select(w => new DocumentWord { Version = version, Word = w }));
        }
    }

    private static bool Changed(EntityEntry entry, params string[] sources) =>
        entry.State == EntityState.Added || sources.Any(s => entry.Property(s).IsModified);

    private static void Set(EntityEntry entry, string property, string? value) => entry.Property(property).CurrentValue = value;

    /// <summary>Fills the search columns of rows written before they existed (they were added by a migration, which
    /// cannot run the C# folding). Straight updates, a batch at a time: the columns are derived, not a change anyone
    /// made, so they are not audited.</summary>
    public static async Task BackfillAsync(AppDbContext db, CancellationToken ct = default)
    {
        await FillAsync(db.Processes, p => p.SearchName == null, p => p.Id,
            (s, p) => s.SetProperty(x => x.SearchName, SearchFolding.Fold($"{p.Acronym} {p.Name}")), ct);
        await FillAsync(db.Meetings, m => m.SearchTitle == null || (m.PublicSummary != null && m.SearchSummary == null), m => m.Id,
            (s, m) => s.SetProperty(x => x.SearchTitle, SearchFolding.Fold(m.Title)).SetProperty(x => x.SearchSummary, SearchFolding.FoldOrNull(m.PublicSummary)), ct);
        await FillAsync(db.AgendaItems, i => i.SearchText == null, i => i.Id,
            (s, i) => s.SetProperty(x => x.SearchText, SearchFolding.Fold($"{i.Title} {i.Description}")), ct);
        await FillAsync(db.Documents, d => d.SearchTitle == null, d => d.Id,
            (s, d) => s.SetProperty(x => x.SearchTitle, SearchFolding.Fold(d.Title)), ct);
        await FillAsync(db.DocumentVersions, v => v.ExtractedText != null && v.SearchText == null, v => v.Id,
            (s, v) => s.SetProperty(x => x.SearchText, SearchFolding.FoldOrNull(v.ExtractedText)), ct);
        await FillWordsAsync(db, ct);
    }

    /// <summary>Indexes the words of versions whose text has none indexed yet, 50 texts at a time, in id order so
    /// that a text without a word is passed once.</summary>
    private static async Task FillWordsAsync(AppDbContext db, CancellationToken ct)
    {
        var after = 0;
        while (true)
        {
            var batch = await db.DocumentVersions.AsNoTracking()
                .Where(v => v.Id > after && v.SearchText != null && !db.DocumentWords.Any(w => w.VersionId == v.Id))
                .OrderBy(v => v.Id).Take(50).Select(v => new { v.Id, v.SearchText })
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return;
            }
            var words = batch.SelectMany(v => SearchFolding.Words(v.SearchText!).Select(w => new DocumentWord { VersionId = v.Id, Word = w })).ToList();
            db.DocumentWords.AddRange(words);
            await db.SaveChangesAsync(ct);
            foreach (var word in words)
            {
                db.Entry(word).State = EntityState.Detached;
            }
            after = batch[^1].Id;
        }
    }

    private static async Task FillAsync<TEntity>(IQueryable<TEntity> rows, Expression<Func<TEntity, bool>> missing, Func<TEntity, int> idOf,
        Action<UpdateSettersBuilder<TEntity>, TEntity> set, CancellationToken ct)
        where TEntity : class
    {
        while (true)
        {
            // At most 50 rows at a time (for document versions, 50 extracted texts), never the document bytes.
            var batch = await rows.AsNoTracking().Where(missing).OrderBy(x => EF.Property<int>(x, "Id")).Take(50).ToListAsync(ct);
            if (batch.Count == 0)
            {
                return;
            }
            foreach (var row in batch)
            {
                var id = idOf(row);
                await rows.Where(x => EF.Property<int>(x, "Id") == id).ExecuteUpdateAsync(s => set(s, row), ct);
            }
        }
    }
}
