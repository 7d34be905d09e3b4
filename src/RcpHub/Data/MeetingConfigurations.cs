using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RcpHub.Domain;

namespace RcpHub.Data;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.Property(m => m.Title).HasMaxLength(300);
        e.Property(m => m.Venue).HasMaxLength(300);
        e.Property(m => m.CancellationReason).HasMaxLength(2000);
        e.Property(m => m.OnlineUrl).HasMaxLength(1000);
        e.Property(m => m.TimeZoneId).HasMaxLength(64);
        e.Property(m => m.PublicSummary).HasMaxLength(8000);
        e.HasOne(m => m.Process).WithMany().HasForeignKey(m => m.ProcessId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(m => m.Body).WithMany().HasForeignKey(m => m.BodyId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(m => m.HostState).WithMany().HasForeignKey(m => m.HostStateCode).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(m => m.ParticipatingProcesses).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(m => m.Invitees).WithOne(i => i.Meeting).HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(m => m.AgendaItems).WithOne(i => i.Meeting).HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(m => m.Sessions).WithOne(s => s.Meeting).HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
        // The meeting list of a process pages through its meetings by start.
        e.HasIndex(m => new { m.ProcessId, m.StartsAtUtc });
        e.HasIndex(m => m.StartsAtUtc);
        e.ToTable(t => t.HasCheckConstraint("CK_Meetings_EndsAfterStart", "\"EndsAtUtc\" > \"StartsAtUtc\""));
    }
}

internal sealed class MeetingProcessConfiguration : IEntityTypeConfiguration<MeetingProcess>
{
    public void Configure(EntityTypeBuilder<MeetingProcess> e)
    {
        e.HasKey(p => new { p.MeetingId, p.ProcessId });
        e.HasOne(p => p.Process).WithMany().HasForeignKey(p => p.ProcessId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(p => p.ProcessId);
    }
}

internal sealed class MeetingInviteeConfiguration : IEntityTypeConfiguration<MeetingInvitee>
{
    public void Configure(EntityTypeBuilder<MeetingInvitee> e)
    {
        e.HasOne(i => i.State).WithMany().HasForeignKey(i => i.StateCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(i => i.Organization).WithMany().HasForeignKey(i => i.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(i => i.User).WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
        // No unique index: NULLs differ from each other in both providers, so the commands refuse duplicates instead.
        e.HasIndex(i => i.StateCode);
        e.HasIndex(i => i.OrganizationId);
        e.ToTable(t => t.HasCheckConstraint("CK_MeetingInvitees_ExactlyOne",
            "(CASE WHEN \"StateCode\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"OrganizationId\" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN \"UserId\" IS NULL THEN 0 ELSE 1 END) = 1"));
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> e)
    {
        e.Property(i => i.Title).HasMaxLength(300);
        e.Property(i => i.Description).HasMaxLength(4000);
        e.HasOne<Session>().WithMany().HasForeignKey(i => i.SessionId).OnDelete(DeleteBehavior.SetNull);
        // An item is forwarded at most once: a chain is a path, expert → senior officials → ministers.
        e.HasOne(i => i.ForwardedFrom).WithMany().HasForeignKey(i => i.ForwardedFromItemId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(i => i.ForwardedFromItemId).IsUnique();
        e.HasOne<AgendaItem>().WithMany().HasForeignKey(i => i.ChainRootItemId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(i => i.ChainRootItemId);
        e.HasIndex(i => new { i.MeetingId, i.Position });
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> e)
    {
        e.Property(s => s.Code).HasMaxLength(40);
        e.Property(s => s.Title).HasMaxLength(300);
        e.Property(s => s.GuidingQuestions).HasMaxLength(4000);
        e.Property(s => s.RapporteurName).HasMaxLength(200);
        e.Property(s => s.RapporteurAffiliation).HasMaxLength(300);
        e.HasOne(s => s.Rapporteur).WithMany().HasForeignKey(s => s.RapporteurUserId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(s => s.People).WithOne(p => p.Session).HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(s => new { s.MeetingId, s.Position });
        e.HasIndex(s => s.RapporteurUserId);
    }
}

internal sealed class SessionPersonConfiguration : IEntityTypeConfiguration<SessionPerson>
{
    public void Configure(EntityTypeBuilder<SessionPerson> e)
    {
        e.ToTable("SessionPeople", t => t.HasCheckConstraint("CK_SessionPeople_NotStateAndOrganization",
            "\"StateCode\" IS NULL OR \"OrganizationId\" IS NULL"));
        e.Property(p => p.Name).HasMaxLength(200);
        e.HasOne<State>().WithMany().HasForeignKey(p => p.StateCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> e)
    {
        e.Property(f => f.TokenHash).HasMaxLength(100);
        e.HasIndex(f => f.TokenHash).IsUnique();
        e.HasIndex(f => f.UserId).IsUnique();
        e.HasOne(f => f.User).WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
