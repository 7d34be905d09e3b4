using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RcpHub.Domain;

namespace RcpHub.Data;

internal sealed class FollowUpEvidenceFileConfiguration : IEntityTypeConfiguration<FollowUpEvidenceFile>
{
    public void Configure(EntityTypeBuilder<FollowUpEvidenceFile> e)
    {
        e.Property(f => f.FileName).HasMaxLength(255);
        e.Property(f => f.ContentType).HasMaxLength(200);
        e.HasOne(f => f.Report).WithMany().HasForeignKey(f => f.ReportId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(f => f.Content).WithOne(c => c.File).HasForeignKey<FollowUpEvidenceContent>(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(f => f.ReportId);
    }
}

internal sealed class FollowUpEvidenceContentConfiguration : IEntityTypeConfiguration<FollowUpEvidenceContent>
{
    public void Configure(EntityTypeBuilder<FollowUpEvidenceContent> e)
    {
        e.HasKey(c => c.FileId);
        e.ToTable("FollowUpEvidenceContents");
    }
}
