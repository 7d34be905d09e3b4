using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RcpHub.Domain;

namespace RcpHub.Data;

internal sealed class PolicyChangeConfiguration : IEntityTypeConfiguration<PolicyChange>
{
    public void Configure(EntityTypeBuilder<PolicyChange> e)
    {
        e.Property(c => c.StateCode).HasMaxLength(3);
        e.Property(c => c.Title).HasMaxLength(PolicyImpactLimits.Title);
        e.Property(c => c.Link).HasMaxLength(PolicyImpactLimits.Link);
        e.Property(c => c.Description).HasMaxLength(PolicyImpactLimits.Description);
        e.HasOne(c => c.Process).WithMany().HasForeignKey(c => c.ProcessId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(c => c.State).WithMany().HasForeignKey(c => c.StateCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppUser>().WithMany().HasForeignKey(c => c.RecordedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(c => c.Recommendations).WithOne().HasForeignKey(r => r.PolicyChangeId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(c => c.Themes).WithOne().HasForeignKey(t => t.PolicyChangeId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(c => new { c.ProcessId, c.StateCode, c.On });
    }
}

internal sealed class PolicyChangeRecommendationConfiguration : IEntityTypeConfiguration<PolicyChangeRecommendation>
{
    public void Configure(EntityTypeBuilder<PolicyChangeRecommendation> e)
    {
        e.HasKey(r => new { r.PolicyChangeId, r.RecommendationId });
        e.HasOne(r => r.Recommendation).WithMany().HasForeignKey(r => r.RecommendationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => r.RecommendationId);
    }
}

internal sealed class PolicyChangeThemeConfiguration : IEntityTypeConfiguration<PolicyChangeTheme>
{
    public void Configure(EntityTypeBuilder<PolicyChangeTheme> e)
    {
        e.HasKey(t => new { t.PolicyChangeId, t.ThemeId });
        e.HasOne(t => t.Theme).WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Restrict);
    }
}
