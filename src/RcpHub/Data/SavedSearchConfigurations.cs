using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RcpHub.Domain;

namespace RcpHub.Data;

internal sealed class SavedSearchConfiguration : IEntityTypeConfiguration<SavedSearch>
{
    public void Configure(EntityTypeBuilder<SavedSearch> e)
    {
        e.Property(s => s.Name).HasMaxLength(SavedSearchLimits.Name);
        e.Property(s => s.Query).HasMaxLength(Features.Search.SiteSearch.MaxLength);
        e.Property(s => s.StopToken).HasMaxLength(64);
        e.Property(s => s.Region).HasMaxLength(SavedSearchLimits.Region);
        e.Property(s => s.Language).HasMaxLength(2);
        e.HasIndex(s => s.StopToken).IsUnique();
        e.HasIndex(s => s.UserId);
        // The weekly round reads the searches that are due.
        e.HasIndex(s => new { s.Weekly, s.DueAt });
        e.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(s => s.Process).WithMany().HasForeignKey(s => s.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }
}
