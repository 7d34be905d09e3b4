using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RcpHub.Domain;

namespace RcpHub.Data;

internal sealed class DirectoryProfileConfiguration : IEntityTypeConfiguration<DirectoryProfile>
{
    public void Configure(EntityTypeBuilder<DirectoryProfile> e)
    {
        e.Property(p => p.UserId).HasMaxLength(450);
        e.Property(p => p.Ministry).HasMaxLength(DirectoryLimits.Ministry);
        e.Property(p => p.Position).HasMaxLength(DirectoryLimits.Position);
        e.Property(p => p.Languages).HasMaxLength(20);
        e.HasOne(p => p.User).WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(p => p.UserId).IsUnique();
        e.HasMany(p => p.Themes).WithOne().HasForeignKey(t => t.UserId).HasPrincipalKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DirectoryProfileThemeConfiguration : IEntityTypeConfiguration<DirectoryProfileTheme>
{
    public void Configure(EntityTypeBuilder<DirectoryProfileTheme> e)
    {
        e.Property(t => t.UserId).HasMaxLength(450);
        e.HasKey(t => new { t.UserId, t.ThemeId });
        e.HasOne(t => t.Theme).WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(t => t.ThemeId);
    }
}

internal sealed class ContactRequestConfiguration : IEntityTypeConfiguration<ContactRequest>
{
    public void Configure(EntityTypeBuilder<ContactRequest> e)
    {
        e.Property(r => r.FromUserId).HasMaxLength(450);
        e.Property(r => r.ToUserId).HasMaxLength(450);
        e.Property(r => r.Message).HasMaxLength(DirectoryLimits.Message);
        e.Property(r => r.PendingKey).HasMaxLength(901);
        e.HasOne(r => r.From).WithMany().HasForeignKey(r => r.FromUserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(r => r.To).WithMany().HasForeignKey(r => r.ToUserId).OnDelete(DeleteBehavior.Cascade);
        // A second request while one is pending is refused by the command with a message; the index holds when two race.
        e.HasIndex(r => r.PendingKey).IsUnique();
        e.HasIndex(r => new { r.FromUserId, r.ToUserId });
        e.HasIndex(r => new { r.ToUserId, r.Status });
    }
}
