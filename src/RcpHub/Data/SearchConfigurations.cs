using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RcpHub.Domain;

namespace RcpHub.Data;

internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntry>
{
    public void Configure(EntityTypeBuilder<SearchEntry> e)
    {
        // SQLite keeps its FTS5 table in step through triggers (the migration): EF must not use RETURNING on this table.
        e.ToTable(t => t.HasTrigger("SearchEntries_ai"));
        e.Property(x => x.Key).HasMaxLength(100);
        e.Property(x => x.Path).HasMaxLength(200);
        e.Property(x => x.Language).HasMaxLength(2);
        e.Property(x => x.Region).HasMaxLength(200);
        e.HasIndex(x => new { x.Kind, x.Key }).IsUnique();
        // An entry goes with what it describes: deleting a meeting deletes its documents' and sessions' entries too,
        // whichever way the deletion is made. The full-text side (FTS5 table, tsvector) is raw SQL in the migration.
        e.HasOne<Process>().WithMany().HasForeignKey(x => x.ProcessId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Document>().WithMany().HasForeignKey(x => x.DocumentId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Output>().WithMany().HasForeignKey(x => x.OutputId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SearchTagConfiguration : IEntityTypeConfiguration<SearchTag>
{
    public void Configure(EntityTypeBuilder<SearchTag> e)
    {
        e.HasKey(x => new { x.EntryId, x.Kind, x.Value });
        // Counting a facet value starts from the value.
        e.HasIndex(x => new { x.Kind, x.Value });
        e.HasOne<SearchEntry>().WithMany(x => x.Tags).HasForeignKey(x => x.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>A row of the engine's answer (Features/Search/SearchEngines): which entry matched, how well. Read with raw
/// SQL only; no table.</summary>
public sealed class SearchMatch
{
    public int EntryId { get; set; }
    public double Rank { get; set; }
}

internal sealed class SearchMatchConfiguration : IEntityTypeConfiguration<SearchMatch>
{
    public void Configure(EntityTypeBuilder<SearchMatch> e) => e.HasNoKey().ToView(null);
}
