using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RcpHub.Infrastructure.Email;

/// <summary>What a mail tells its reader; listed on the pages that show who was sent what.</summary>
public enum MailKind
{
    MeetingInvitation,
    MeetingCancelled,
    MeetingChanged,
    MeetingReminder,
    DelegationConfirmed,
    DelegationReturned,
    ReportAdopted,
    DocumentAdded,
    EvaluationReminder,
    // Calls for participation (issue 11).
    CallChanged,
    ApplicationOutcome,
    // The civil society registry (issue 11).
    RegistryDecision,
    // Data requests between states (issue 12).
    DataRequestSent,
    DataRequestReminder,
    // Good practices (issue 12).
    PracticeReviewed,
    // Directory of officials (issue 12).
    ContactRequested,
    ContactAnswered,
    PracticeSubmitted,
    // Saved searches (issue 12).
    SavedSearchResults,
    // Data requests: a new deadline (issue 12).
    DataRequestChanged,
    // Data requests a member state proposes through the secretariat (issue 12): to the secretariat, then the outcome to the state.
    DataRequestProposed,
    DataRequestProposalDecided,
}

/// <summary>One mail to one person, recorded in the same save as the change that causes it and sent after the commit
/// (see docs/decisions/0018-mail-outbox.md). <see cref="IdempotencyKey"/> is unique: the same news is never queued twice.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public string? UserId { get; set; }
    public required string Email { get; set; }
    public required string Language { get; set; }
    public MailKind Kind { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }

    /// <summary>An iCalendar object (text/calendar) sent as an attachment, with the METHOD it declares.</summary>
    public string? Calendar { get; set; }
    public string? CalendarMethod { get; set; }

    /// <summary>What the mail concerns, for the pages that list what was sent about it.</summary>
    public int? MeetingId { get; set; }
    public required string IdempotencyKey { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }

    /// <summary>Until when an instance holds the message (while sending, or after a failure before the next try). Taken
    /// with a conditional update, so that two instances never send the same message.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("OutboxMessages");
        e.HasIndex(m => m.IdempotencyKey).IsUnique();
        e.HasIndex(m => new { m.SentAt, m.ClaimedUntil });
        e.HasIndex(m => m.MeetingId);
        e.Property(m => m.IdempotencyKey).HasMaxLength(200);
        e.Property(m => m.UserId).HasMaxLength(450);
        e.Property(m => m.Email).HasMaxLength(256);
        e.Property(m => m.Language).HasMaxLength(8);
        e.Property(m => m.Subject).HasMaxLength(400);
        e.Property(m => m.CalendarMethod).HasMaxLength(20);
        e.Property(m => m.LastError).HasMaxLength(1000);
    }
}
