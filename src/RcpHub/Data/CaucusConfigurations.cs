using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RcpHub.Domain;

namespace RcpHub.Data;

internal sealed class CaucusPositionConfiguration : IEntityTypeConfiguration<CaucusPosition>
{
    public void Configure(EntityTypeBuilder<CaucusPosition> e)
    {
        e.Property(p => p.Title).HasMaxLength(CaucusLimits.Title);
        e.HasOne(p => p.Process).WithMany().HasForeignKey(p => p.ProcessId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AppUser>().WithMany().HasForeignKey(p => p.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(p => p.Versions).WithOne(v => v.Position).HasForeignKey(v => v.PositionId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Stances).WithOne(s => s.Position).HasForeignKey(s => s.PositionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(p => p.ProcessId);
    }
}

internal sealed class CaucusVersionConfiguration : IEntityTypeConfiguration<CaucusVersion>
{
    public void Configure(EntityTypeBuilder<CaucusVersion> e)
    {
        e.Property(v => v.Text).HasMaxLength(CaucusLimits.Text);
        e.Property(v => v.Note).HasMaxLength(CaucusLimits.Note);
        e.HasOne(v => v.SavedBy).WithMany().HasForeignKey(v => v.SavedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(v => new { v.PositionId, v.Number }).IsUnique();
    }
}

internal sealed class CaucusCommentConfiguration : IEntityTypeConfiguration<CaucusComment>
{
    public void Configure(EntityTypeBuilder<CaucusComment> e)
    {
        e.Property(c => c.Text).HasMaxLength(CaucusLimits.Comment);
        e.HasOne(c => c.Version).WithMany().HasForeignKey(c => c.VersionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(c => c.Organization).WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(c => new { c.VersionId, c.Paragraph });
    }
}

internal sealed class CaucusStanceConfiguration : IEntityTypeConfiguration<CaucusStance>
{
    public void Configure(EntityTypeBuilder<CaucusStance> e)
    {
        e.Property(s => s.DissentText).HasMaxLength(CaucusLimits.Dissent);
        e.HasOne(s => s.Organization).WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(s => s.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        // One stance per organisation: a second endorsement (or an endorsement after a dissent) is refused, even when two
        // representatives of one organisation send theirs at the same moment.
        e.HasIndex(s => new { s.PositionId, s.OrganizationId }).IsUnique();
    }
}

internal sealed class StatementConfiguration : IEntityTypeConfiguration<Statement>
{
    public void Configure(EntityTypeBuilder<Statement> e)
    {
        e.Property(s => s.Title).HasMaxLength(CaucusLimits.Title);
        e.Property(s => s.Text).HasMaxLength(CaucusLimits.Text);
        e.HasOne(s => s.Meeting).WithMany().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(s => s.Organization).WithMany().HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(s => s.CaucusPosition).WithMany().HasForeignKey(s => s.CaucusPositionId).OnDelete(DeleteBehavior.Cascade);
        // The position paper stays a document of the meeting; removing the document leaves the statement's text.
        e.HasOne(s => s.Document).WithMany().HasForeignKey(s => s.DocumentId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(s => s.SubmittedBy).WithMany().HasForeignKey(s => s.SubmittedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(s => s.MeetingId);
        // A caucus position is submitted once.
        e.HasIndex(s => s.CaucusPositionId).IsUnique();
        e.HasIndex(s => s.DocumentId);
    }
}
