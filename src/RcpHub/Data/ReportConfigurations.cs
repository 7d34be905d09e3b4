using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RcpHub.Domain;

namespace RcpHub.Data;

internal sealed class SessionReportVersionConfiguration : IEntityTypeConfiguration<SessionReportVersion>
{
    public void Configure(EntityTypeBuilder<SessionReportVersion> e)
    {
        e.Property(v => v.Summary).HasMaxLength(ReportLimits.Summary);
        e.Property(v => v.Discussion).HasMaxLength(ReportLimits.Discussion);
        e.HasOne(v => v.Session).WithMany().HasForeignKey(v => v.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(v => v.SavedBy).WithMany().HasForeignKey(v => v.SavedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(v => v.Points).WithOne().HasForeignKey(p => p.VersionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(v => new { v.SessionId, v.Number }).IsUnique();
    }
}

internal sealed class ReportPointConfiguration : IEntityTypeConfiguration<ReportPoint>
{
    public void Configure(EntityTypeBuilder<ReportPoint> e)
    {
        e.ToTable("ReportPoints");
        e.Property(p => p.Text).HasMaxLength(ReportLimits.Point);
    }
}

internal sealed class MeetingReportVersionConfiguration : IEntityTypeConfiguration<MeetingReportVersion>
{
    public void Configure(EntityTypeBuilder<MeetingReportVersion> e)
    {
        e.Property(v => v.Introduction).HasMaxLength(ReportLimits.Discussion);
        e.HasOne(v => v.Meeting).WithMany().HasForeignKey(v => v.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(v => v.SavedBy).WithMany().HasForeignKey(v => v.SavedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(v => v.Entries).WithOne().HasForeignKey(x => x.MeetingReportVersionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(v => new { v.MeetingId, v.Number }).IsUnique();
    }
}

internal sealed class MeetingReportEntryConfiguration : IEntityTypeConfiguration<MeetingReportEntry>
{
    public void Configure(EntityTypeBuilder<MeetingReportEntry> e)
    {
        e.ToTable("MeetingReportEntries");
        e.HasKey(x => new { x.MeetingReportVersionId, x.SessionReportVersionId });
        // A session removed from the meeting leaves its reports too, even from an adopted meeting report.
        e.HasOne(x => x.SessionReport).WithMany().HasForeignKey(x => x.SessionReportVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
