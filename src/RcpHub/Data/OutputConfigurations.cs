using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RcpHub.Domain;

namespace RcpHub.Data;

internal sealed class OutputConfiguration : IEntityTypeConfiguration<Output>
{
    public void Configure(EntityTypeBuilder<Output> e)
    {
        e.Property(o => o.Title).HasMaxLength(OutputLimits.Title);
        e.Property(o => o.OriginalLanguage).HasMaxLength(2);
        e.HasOne(o => o.Process).WithMany().HasForeignKey(o => o.ProcessId).OnDelete(DeleteBehavior.Cascade);
        // An output outlives a meeting removed from the calendar; it keeps its process.
        e.HasOne(o => o.Meeting).WithMany().HasForeignKey(o => o.MeetingId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(o => o.AdoptedAtMeeting).WithMany().HasForeignKey(o => o.AdoptedAtMeetingId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<OutputVersion>().WithMany().HasForeignKey(o => o.AdoptedVersionId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(o => o.Versions).WithOne(v => v.Output).HasForeignKey(v => v.OutputId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(o => o.Recommendations).WithOne(r => r.Output).HasForeignKey(r => r.OutputId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(o => o.Positions).WithOne(p => p.Output).HasForeignKey(p => p.OutputId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(o => new { o.ProcessId, o.AdoptedOn });
        // Two adoptions read at once both find a draft; the second save finds the row adopted and changes nothing.
        e.Property(o => o.AdoptedOn).IsConcurrencyToken();
    }
}

internal sealed class OutputVersionConfiguration : IEntityTypeConfiguration<OutputVersion>
{
    public void Configure(EntityTypeBuilder<OutputVersion> e)
    {
        e.Property(v => v.Text).HasMaxLength(OutputLimits.Text);
        e.Property(v => v.Note).HasMaxLength(OutputLimits.Note);
        e.HasOne(v => v.SavedBy).WithMany().HasForeignKey(v => v.SavedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(v => new { v.OutputId, v.Number }).IsUnique();
    }
}

internal sealed class OutputCommentConfiguration : IEntityTypeConfiguration<OutputComment>
{
    public void Configure(EntityTypeBuilder<OutputComment> e)
    {
        e.Property(c => c.Text).HasMaxLength(OutputLimits.Comment);
        e.Property(c => c.StateCode).HasMaxLength(3);
        e.HasOne(c => c.Version).WithMany().HasForeignKey(c => c.OutputVersionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(c => c.State).WithMany().HasForeignKey(c => c.StateCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(c => new { c.OutputVersionId, c.Paragraph });
    }
}

internal sealed class OutputPositionConfiguration : IEntityTypeConfiguration<OutputPosition>
{
    public void Configure(EntityTypeBuilder<OutputPosition> e)
    {
        e.Property(p => p.StateCode).HasMaxLength(3);
        e.Property(p => p.ReservationText).HasMaxLength(OutputLimits.Reservation);
        e.HasOne(p => p.State).WithMany().HasForeignKey(p => p.StateCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(p => p.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(p => new { p.OutputId, p.StateCode }).IsUnique();
    }
}

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> e)
    {
        e.Property(r => r.Text).HasMaxLength(OutputLimits.Recommendation);
        e.Property(r => r.OriginalLanguage).HasMaxLength(2);
        e.HasIndex(r => new { r.OutputId, r.Number }).IsUnique();
        e.HasOne(r => r.SourcePoint).WithMany().HasForeignKey(r => r.SourcePointId).OnDelete(DeleteBehavior.SetNull);
        // A point is carried into outputs once, even by two requests at the same instant. NULLs never collide (SQLite, PostgreSQL).
        e.HasIndex(r => r.SourcePointId).IsUnique();
        e.HasMany(r => r.States).WithOne().HasForeignKey(s => s.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.Translations).WithOne().HasForeignKey(t => t.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.Themes).WithOne().HasForeignKey(t => t.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.GcmObjectives).WithOne().HasForeignKey(g => g.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.SdgTargets).WithOne().HasForeignKey(s => s.RecommendationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecommendationStateConfiguration : IEntityTypeConfiguration<RecommendationState>
{
    public void Configure(EntityTypeBuilder<RecommendationState> e)
    {
        e.HasKey(s => new { s.RecommendationId, s.StateCode });
        e.Property(s => s.StateCode).HasMaxLength(3);
        e.HasOne(s => s.State).WithMany().HasForeignKey(s => s.StateCode).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(s => s.StateCode);
    }
}

internal sealed class RecommendationTranslationConfiguration : IEntityTypeConfiguration<RecommendationTranslation>
{
    public void Configure(EntityTypeBuilder<RecommendationTranslation> e)
    {
        e.HasKey(t => new { t.RecommendationId, t.Language });
        e.Property(t => t.Language).HasMaxLength(2);
        e.Property(t => t.Text).HasMaxLength(OutputLimits.Recommendation);
    }
}

internal sealed class RecommendationThemeConfiguration : IEntityTypeConfiguration<RecommendationTheme>
{
    public void Configure(EntityTypeBuilder<RecommendationTheme> e)
    {
        e.HasKey(t => new { t.RecommendationId, t.ThemeId });
        e.HasOne(t => t.Theme).WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RecommendationGcmObjectiveConfiguration : IEntityTypeConfiguration<RecommendationGcmObjective>
{
    public void Configure(EntityTypeBuilder<RecommendationGcmObjective> e)
    {
        e.HasKey(g => new { g.RecommendationId, g.Objective });
        e.ToTable(t => t.HasCheckConstraint("CK_RecommendationGcmObjectives_Objective", "\"Objective\" BETWEEN 1 AND 23"));
    }
}

internal sealed class RecommendationSdgTargetConfiguration : IEntityTypeConfiguration<RecommendationSdgTarget>
{
    public void Configure(EntityTypeBuilder<RecommendationSdgTarget> e)
    {
        e.HasKey(s => new { s.RecommendationId, s.Code });
        e.Property(s => s.Code).HasMaxLength(10);
    }
}

internal sealed class StatusLabelConfiguration : IEntityTypeConfiguration<StatusLabel>
{
    public void Configure(EntityTypeBuilder<StatusLabel> e)
    {
        e.HasKey(l => new { l.ProcessId, l.Status, l.Language });
        e.Property(l => l.Language).HasMaxLength(2);
        e.Property(l => l.Label).HasMaxLength(FollowUpLimits.Label);
        e.HasOne<Process>().WithMany().HasForeignKey(l => l.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FollowUpReportConfiguration : IEntityTypeConfiguration<FollowUpReport>
{
    public void Configure(EntityTypeBuilder<FollowUpReport> e)
    {
        e.Property(r => r.StateCode).HasMaxLength(3);
        e.Property(r => r.Action).HasMaxLength(FollowUpLimits.Action);
        e.Property(r => r.ResponsibleMinistry).HasMaxLength(FollowUpLimits.Ministry);
        e.Property(r => r.EvidenceText).HasMaxLength(FollowUpLimits.EvidenceText);
        e.Property(r => r.ReviewNote).HasMaxLength(FollowUpLimits.ReviewNote);
        e.HasOne<Process>().WithMany().HasForeignKey(r => r.ProcessId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(r => r.Recommendation).WithMany().HasForeignKey(r => r.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(r => r.State).WithMany().HasForeignKey(r => r.StateCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(r => r.Round).WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(r => r.ReportedBy).WithMany().HasForeignKey(r => r.ReportedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(r => r.ReviewedByUserId).OnDelete(DeleteBehavior.Restrict);
        // The history of one state's reports on one recommendation in one round; two saves from the same report collide here.
        e.HasIndex(r => new { r.RecommendationId, r.StateCode, r.RoundKey, r.Sequence }).IsUnique();
        // Evaluation reports and dashboards read the reports in force of a process or of one of its rounds; a state's grid
        // its own in one process and round, a state's record its own across processes. IsLatest comes last: the queries
        // test it as a bare boolean, which SQLite cannot match to an index column, so with it in the middle SQLite read a
        // process's every round and every state's reports across all processes (bench/run --follow-up, docs/benchmarks.md).
        e.HasIndex(r => new { r.ProcessId, r.RoundKey, r.IsLatest });
        e.HasIndex(r => new { r.StateCode, r.ProcessId, r.RoundKey, r.IsLatest });
        // Dashboards and the accountability page count a process's reports in force across rounds (one per pair) by
        // state or recommendation and status: only those rows, and every column the count reads, so that the count never
        // touches the table. A partial index, because SQLite matches the bare boolean to an index's filter, not to a column;
        // the flag is a column of it too, so that SQLite (which still reads the flag the query tests) sees it covering and
        // prefers it to (ProcessId, RoundKey, IsLatest), which without it it took (every report of the process, read in the table).
        e.HasIndex(r => new { r.ProcessId, r.StateCode, r.Status, r.Review, r.RecommendationId, r.RoundKey, r.IsLatestAcrossRounds })
            .HasFilter("\"IsLatestAcrossRounds\"").HasDatabaseName("IX_FollowUpReports_LatestAcrossRounds");
    }
}

internal sealed class EvaluationRoundConfiguration : IEntityTypeConfiguration<EvaluationRound>
{
    public void Configure(EntityTypeBuilder<EvaluationRound> e)
    {
        e.Property(r => r.Title).HasMaxLength(FollowUpLimits.RoundTitle);
        e.HasOne(r => r.Process).WithMany().HasForeignKey(r => r.ProcessId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(r => r.Output).WithMany().HasForeignKey(r => r.OutputId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AppUser>().WithMany().HasForeignKey(r => r.OpenedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(r => new { r.ProcessId, r.DeadlineAt });
        e.HasIndex(r => new { r.ClosedAt, r.DeadlineAt });
        e.ToTable(t => t.HasCheckConstraint("CK_EvaluationRounds_DeadlineAfterOpening", "\"DeadlineAt\" > \"OpensAt\""));
    }
}
