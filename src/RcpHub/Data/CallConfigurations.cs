using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RcpHub.Domain;

namespace RcpHub.Data;

// Calls for participation (issue 11): everything of a call cascades from it, and the call from its process.
internal sealed class ParticipationCallConfiguration : IEntityTypeConfiguration<ParticipationCall>
{
    public void Configure(EntityTypeBuilder<ParticipationCall> e)
    {
        e.Property(c => c.Title).HasMaxLength(CallLimits.Title);
        e.Property(c => c.Eligibility).HasMaxLength(CallLimits.Text);
        e.Property(c => c.LotteryThreshold).HasPrecision(9, 2);
        e.Property(c => c.Seed).HasMaxLength(64);
        e.Property(c => c.SeedCommitment).HasMaxLength(64);
        e.HasOne(c => c.Process).WithMany().HasForeignKey(c => c.ProcessId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(c => c.Meeting).WithMany().HasForeignKey(c => c.MeetingId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<AppUser>().WithMany().HasForeignKey(c => c.CreatedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(c => c.Criteria).WithOne(x => x.Call).HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Targets).WithOne(x => x.Call).HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Regions).WithOne(x => x.Call).HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Changes).WithOne(x => x.Call).HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Panel).WithOne(x => x.Call).HasForeignKey(x => x.CallId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(c => new { c.ProcessId, c.Deadline });
    }
}

internal sealed class CallCriterionConfiguration : IEntityTypeConfiguration<CallCriterion>
{
    public void Configure(EntityTypeBuilder<CallCriterion> e) => e.Property(c => c.Name).HasMaxLength(CallLimits.Name);
}

internal sealed class CallTargetConfiguration : IEntityTypeConfiguration<CallTarget>
{
    public void Configure(EntityTypeBuilder<CallTarget> e)
    {
        e.Property(t => t.Trait).HasMaxLength(CallLimits.Trait);
        e.Property(t => t.Value).HasMaxLength(CallLimits.Value);
    }
}

internal sealed class CallRegionConfiguration : IEntityTypeConfiguration<CallRegion>
{
    public void Configure(EntityTypeBuilder<CallRegion> e)
    {
        e.Property(r => r.Name).HasMaxLength(CallLimits.Value);
        e.Property(r => r.Countries).HasMaxLength(CallLimits.Countries);
    }
}

internal sealed class CallChangeConfiguration : IEntityTypeConfiguration<CallChange>
{
    public void Configure(EntityTypeBuilder<CallChange> e)
    {
        e.Property(c => c.Reason).HasMaxLength(CallLimits.Reason);
        e.HasOne<AppUser>().WithMany().HasForeignKey(c => c.ChangedByUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CallPanelMemberConfiguration : IEntityTypeConfiguration<CallPanelMember>
{
    public void Configure(EntityTypeBuilder<CallPanelMember> e)
    {
        e.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(p => new { p.CallId, p.UserId }).IsUnique();
    }
}

internal sealed class CallApplicationConfiguration : IEntityTypeConfiguration<CallApplication>
{
    public void Configure(EntityTypeBuilder<CallApplication> e)
    {
        e.Property(a => a.Pseudonym).HasMaxLength(16);
        e.Property(a => a.Route).HasMaxLength(CallLimits.Value);
        e.Property(a => a.Motivation).HasMaxLength(CallLimits.Text);
        e.Property(a => a.RepresentativeName).HasMaxLength(CallLimits.Name);
        e.Property(a => a.RepresentativeEmail).HasMaxLength(CallLimits.Name);
        e.Property(a => a.ConflictOfInterest).HasMaxLength(CallLimits.Text);
        e.Property(a => a.CountryCode).HasMaxLength(3);
        e.Property(a => a.DepartureReason).HasMaxLength(CallLimits.Reason);
        e.HasOne(a => a.Call).WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(a => a.Organization).WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(a => a.SubmittedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(a => a.Scores).WithOne(s => s.Application).HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(a => a.Conflicts).WithOne(c => c.Application).HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(a => a.Attachments).WithOne(f => f.Application).HasForeignKey(f => f.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        // One application per organisation and call, whoever of its people applies.
        e.HasIndex(a => new { a.CallId, a.OrganizationId }).IsUnique();
        e.HasIndex(a => new { a.CallId, a.Pseudonym }).IsUnique();
    }
}

internal sealed class CallApplicationAttachmentConfiguration : IEntityTypeConfiguration<CallApplicationAttachment>
{
    public void Configure(EntityTypeBuilder<CallApplicationAttachment> e)
    {
        e.Property(f => f.FileName).HasMaxLength(260);
        e.Property(f => f.ContentType).HasMaxLength(200);
        e.HasIndex(f => f.ApplicationId);
    }
}

internal sealed class CallScoreConfiguration : IEntityTypeConfiguration<CallScore>
{
    public void Configure(EntityTypeBuilder<CallScore> e)
    {
        e.HasOne<CallCriterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AppUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
        // A member scores an application once.
        e.HasIndex(s => new { s.ApplicationId, s.UserId, s.CriterionId }).IsUnique();
    }
}

internal sealed class CallConflictConfiguration : IEntityTypeConfiguration<CallConflict>
{
    public void Configure(EntityTypeBuilder<CallConflict> e)
    {
        e.Property(c => c.Note).HasMaxLength(CallLimits.Reason);
        e.HasOne<AppUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(c => new { c.ApplicationId, c.UserId }).IsUnique();
    }
}
