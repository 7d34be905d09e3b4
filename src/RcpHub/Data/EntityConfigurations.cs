using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RcpHub.Domain;

namespace RcpHub.Data;

internal sealed class ProcessConfiguration : IEntityTypeConfiguration<Process>
{
    public void Configure(EntityTypeBuilder<Process> e)
    {
        e.HasIndex(p => p.Slug).IsUnique();
        e.Property(p => p.Slug).HasMaxLength(80);
        e.Property(p => p.Acronym).HasMaxLength(40);
        e.Property(p => p.Name).HasMaxLength(300);
        e.Property(p => p.Region).HasMaxLength(200);
        e.HasMany(p => p.Themes).WithMany(t => t.Processes).UsingEntity("ProcessThemes");
        e.HasMany(p => p.Sources).WithOne().HasForeignKey(s => s.ProcessId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Memberships).WithOne(m => m.Process).HasForeignKey(m => m.ProcessId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.ChairTerms).WithOne().HasForeignKey(t => t.ProcessId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.ChairRotation).WithOne().HasForeignKey(s => s.ProcessId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(p => p.Bodies).WithOne(b => b.Process).HasForeignKey(b => b.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ThemeConfiguration : IEntityTypeConfiguration<Theme>
{
    public void Configure(EntityTypeBuilder<Theme> e)
    {
        e.Property(t => t.Name).HasMaxLength(200);
        e.HasIndex(t => t.Name).IsUnique();
    }
}

internal sealed class ProcessSourceConfiguration : IEntityTypeConfiguration<ProcessSource>
{
    public void Configure(EntityTypeBuilder<ProcessSource> e) => e.Property(s => s.Url).HasMaxLength(1000);
}

internal sealed class StateConfiguration : IEntityTypeConfiguration<State>
{
    public void Configure(EntityTypeBuilder<State> e)
    {
        e.HasKey(s => s.Code);
        e.Property(s => s.Code).HasMaxLength(3);
        e.Property(s => s.Alpha2).HasMaxLength(2);
        e.Property(s => s.Numeric).HasMaxLength(3);
        foreach (var name in new[] { nameof(State.NameEn), nameof(State.NameFr), nameof(State.NameEs), nameof(State.NameRu), nameof(State.NameAr) })
        {
            e.Property(name).HasMaxLength(200);
        }
    }
}

internal sealed class OrganizationRepresentativeConfiguration : IEntityTypeConfiguration<OrganizationRepresentative>
{
    public void Configure(EntityTypeBuilder<OrganizationRepresentative> e)
    {
        e.HasOne(r => r.Organization).WithMany().HasForeignKey(r => r.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(r => r.User).WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => new { r.UserId, r.OrganizationId });
        e.HasIndex(r => r.OrganizationId);
    }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> e)
    {
        e.HasIndex(o => o.Slug).IsUnique();
        e.Property(o => o.Slug).HasMaxLength(120);
        e.Property(o => o.Name).HasMaxLength(300);
        e.Property(o => o.Acronym).HasMaxLength(60);
        // Civil society registry.
        e.Property(o => o.Website).HasMaxLength(500);
        e.Property(o => o.Description).HasMaxLength(4000);
        e.Property(o => o.VerificationNote).HasMaxLength(2000);
        e.HasMany(o => o.Themes).WithOne().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganizationThemeConfiguration : IEntityTypeConfiguration<OrganizationTheme>
{
    public void Configure(EntityTypeBuilder<OrganizationTheme> e)
    {
        e.HasKey(t => new { t.OrganizationId, t.ThemeId });
        e.HasOne(t => t.Theme).WithMany().HasForeignKey(t => t.ThemeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OrganizationEvidenceFileConfiguration : IEntityTypeConfiguration<OrganizationEvidenceFile>
{
    public void Configure(EntityTypeBuilder<OrganizationEvidenceFile> e)
    {
        e.HasOne<Organization>().WithMany().HasForeignKey(f => f.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AppUser>().WithMany().HasForeignKey(f => f.AddedByUserId).OnDelete(DeleteBehavior.Restrict);
        e.Property(f => f.FileName).HasMaxLength(260);
        e.Property(f => f.ContentType).HasMaxLength(200);
        e.HasIndex(f => f.OrganizationId);
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> e)
    {
        e.HasOne(m => m.State).WithMany().HasForeignKey(m => m.StateCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(m => m.Organization).WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(m => new { m.ProcessId, m.Role });
        e.HasIndex(m => m.StateCode);
        e.HasIndex(m => m.OrganizationId);
        e.Property(m => m.Note).HasMaxLength(500);
        e.ToTable(t => t.HasCheckConstraint("CK_Memberships_StateXorOrganization",
            "(\"StateCode\" IS NULL) <> (\"OrganizationId\" IS NULL)"));
    }
}

internal sealed class ChairTermConfiguration : IEntityTypeConfiguration<ChairTerm>
{
    public void Configure(EntityTypeBuilder<ChairTerm> e)
    {
        e.HasOne(t => t.State).WithMany().HasForeignKey(t => t.StateCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(t => t.Organization).WithMany().HasForeignKey(t => t.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.Property(t => t.Note).HasMaxLength(500);
        e.HasIndex(t => new { t.ProcessId, t.StartYear });
    }
}

internal sealed class ChairRotationSlotConfiguration : IEntityTypeConfiguration<ChairRotationSlot>
{
    public void Configure(EntityTypeBuilder<ChairRotationSlot> e)
    {
        e.HasOne(s => s.State).WithMany().HasForeignKey(s => s.StateCode).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(s => new { s.ProcessId, s.Position }).IsUnique();
    }
}

internal sealed class BodyConfiguration : IEntityTypeConfiguration<Body>
{
    public void Configure(EntityTypeBuilder<Body> e)
    {
        e.Property(b => b.Name).HasMaxLength(300);
        e.Property(b => b.Mandate).HasMaxLength(4000);
        e.HasMany(b => b.Members).WithOne().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BodyMemberConfiguration : IEntityTypeConfiguration<BodyMember>
{
    public void Configure(EntityTypeBuilder<BodyMember> e)
    {
        e.HasOne(m => m.State).WithMany().HasForeignKey(m => m.StateCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(m => m.Organization).WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GlobalMeetingConfiguration : IEntityTypeConfiguration<GlobalMeeting>
{
    public void Configure(EntityTypeBuilder<GlobalMeeting> e)
    {
        e.HasIndex(g => g.Number).IsUnique();
        e.Property(g => g.Name).HasMaxLength(400);
        e.Property(g => g.Location).HasMaxLength(200);
        e.Property(g => g.Host).HasMaxLength(300);
        e.Property(g => g.Theme).HasMaxLength(500);
        e.Property(g => g.Participation).HasMaxLength(500);
        e.Property(g => g.SourceUrl).HasMaxLength(1000);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.Property(u => u.DisplayName).HasMaxLength(200);
        e.Property(u => u.TimeZoneId).HasMaxLength(64);
        e.Property(u => u.PreferredLanguage).HasMaxLength(8).HasDefaultValue("en");
    }
}

internal sealed class ProcessRoleAssignmentConfiguration : IEntityTypeConfiguration<ProcessRoleAssignment>
{
    public void Configure(EntityTypeBuilder<ProcessRoleAssignment> e)
    {
        e.HasOne(a => a.User).WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(a => a.Process).WithMany().HasForeignKey(a => a.ProcessId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<State>().WithMany().HasForeignKey(a => a.StateCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.Property(a => a.Ministry).HasMaxLength(200);
        e.HasIndex(a => new { a.UserId, a.ProcessId });
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> e)
    {
        e.HasIndex(i => i.TokenHash).IsUnique();
        e.Property(i => i.TokenHash).HasMaxLength(100);
        e.Property(i => i.Email).HasMaxLength(256);
        e.Property(i => i.Ministry).HasMaxLength(200);
        e.Property(i => i.Language).HasMaxLength(8).HasDefaultValue("en");
        e.HasOne(i => i.Process).WithMany().HasForeignKey(i => i.ProcessId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.HasIndex(a => new { a.ProcessId, a.Id });
        e.Property(a => a.UserName).HasMaxLength(256);
        e.Property(a => a.EntityType).HasMaxLength(100);
        e.Property(a => a.EntityId).HasMaxLength(100);
        e.Property(a => a.Action).HasMaxLength(20);
    }
}
