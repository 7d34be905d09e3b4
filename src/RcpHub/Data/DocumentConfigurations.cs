using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RcpHub.Domain;

namespace RcpHub.Data;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> e)
    {
        e.Property(d => d.Title).HasMaxLength(300);
        e.HasOne(d => d.Meeting).WithMany().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AgendaItem>().WithMany().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Session>().WithMany().HasForeignKey(d => d.SessionId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(d => d.Versions).WithOne(v => v.Document).HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(d => d.MeetingId);
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> e)
    {
        e.Property(v => v.Language).HasMaxLength(2);
        e.Property(v => v.FileName).HasMaxLength(200);
        e.Property(v => v.ContentType).HasMaxLength(120);
        e.Property(v => v.Sha256).HasMaxLength(64);
        e.Property(v => v.UploadedByName).HasMaxLength(256);
        e.HasOne<AppUser>().WithMany().HasForeignKey(v => v.UploadedByUserId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne(v => v.Content).WithOne(c => c.Version).HasForeignKey<DocumentContent>(c => c.VersionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(v => new { v.DocumentId, v.Language, v.Number }).IsUnique();
    }
}

internal sealed class DocumentContentConfiguration : IEntityTypeConfiguration<DocumentContent>
{
    public void Configure(EntityTypeBuilder<DocumentContent> e)
    {
        e.HasKey(c => c.VersionId);
        e.ToTable("DocumentContents");
    }
}
