using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Query;
using RcpHub.Domain;

namespace RcpHub.Data;

/// <summary>Keeps the search columns (<see cref="SearchFolding"/> forms of titles, summaries and document text) in step
/// with what they are made from: filled on every save, whatever command, API or seed made the change, so that
/// no write path can forget them.</summary>
internal static class SearchColumns
{
    public static void Fill(ChangeTracker tracker)
    {
        tracker.DetectChanges();
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
                    break;
            }
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
