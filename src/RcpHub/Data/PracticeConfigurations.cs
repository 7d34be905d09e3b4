using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RcpHub.Domain;

namespace RcpHub.Data;

internal sealed class PracticeConfiguration : IEntityTypeConfiguration<Practice>
{
    public void Configure(EntityTypeBuilder<Practice> e)
    {
        e.Property(p => p.Title).HasMaxLength(PracticeLimits.Title);
        e.Property(p => p.TitleKey).HasMaxLength(PracticeLimits.Title);
        e.Property(p => p.SubmitterKey).HasMaxLength(40);
        e.Property(p => p.Summary).HasMaxLength(PracticeLimits.Summary);
        e.Property(p => p.Results).HasMaxLength(PracticeLimits.Results);
        e.Property(p => p.Contact).HasMaxLength(PracticeLimits.Contact);
        e.Property(p => p.ReviewNote).HasMaxLength(PracticeLimits.Note);
        e.Property(p => p.Languages).HasMaxLength(20);
        e.Property(p => p.StateCode).HasMaxLength(3);
        e.HasOne(p => p.Process).WithMany().HasForeignKey(p => p.ProcessId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(p => p.State).WithMany().HasForeignKey(p => p.StateCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(p => p.SubmittedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(p => p.Themes).WithOne().HasForeignKey(t => t.PracticeId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Objectives).WithOne().HasForeignKey(o => o.PracticeId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Comments).WithOne().HasForeignKey(c => c.PracticeId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Adaptations).WithOne(a => a.Practice).HasForeignKey(a => a.PracticeId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Attachments).WithOne(a => a.Practice).HasForeignKey(a => a.PracticeId).OnDelete(DeleteBehavior.Cascade);
        // The same practice submitted twice is refused by the command with a message; the index holds when two
        // submissions race.
        e.HasIndex(p => new { p.ProcessId, p.SubmitterKey, p.TitleKey }).IsUnique();
        e.HasIndex(p => new { p.ProcessId, p.Status, p.StateCode });
    }
}

internal sealed class PracticeThemeConfiguration : IEntityTypeConfiguration<PracticeTheme>
{
    public void Configure(EntityTypeBuilder<PracticeTheme> e)
    {
        e.HasKey(t => new { t.PracticeId, t.ThemeId });
        e.HasOne(t => t.Theme).WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PracticeObjectiveConfiguration : IEntityTypeConfiguration<PracticeObjective>
{
    public void Configure(EntityTypeBuilder<PracticeObjective> e) => e.HasKey(o => new { o.PracticeId, o.Objective });
}

internal sealed class PracticeCommentConfiguration : IEntityTypeConfiguration<PracticeComment>
{
    public void Configure(EntityTypeBuilder<PracticeComment> e)
    {
        e.Property(c => c.Text).HasMaxLength(PracticeLimits.Comment);
        e.HasOne(c => c.User).WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PracticeAdaptationConfiguration : IEntityTypeConfiguration<PracticeAdaptation>
{
    public void Configure(EntityTypeBuilder<PracticeAdaptation> e)
    {
        e.Property(a => a.StateCode).HasMaxLength(3);
        e.Property(a => a.Note).HasMaxLength(PracticeLimits.Note);
        e.HasOne(a => a.State).WithMany().HasForeignKey(a => a.StateCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(a => new { a.PracticeId, a.StateCode }).IsUnique();
        e.HasIndex(a => a.StateCode);
    }
}

internal sealed class PracticeAttachmentConfiguration : IEntityTypeConfiguration<PracticeAttachment>
{
    public void Configure(EntityTypeBuilder<PracticeAttachment> e)
    {
        e.Property(f => f.FileName).HasMaxLength(260);
        e.Property(f => f.ContentType).HasMaxLength(200);
        e.HasOne<AppUser>().WithMany().HasForeignKey(f => f.AddedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(f => f.PracticeId);
    }
}
