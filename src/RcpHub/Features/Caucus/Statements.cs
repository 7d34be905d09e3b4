using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Documents;

namespace RcpHub.Features.Caucus;

/// <summary>A statement to a meeting, as its page, the documents page, the pack and the API show it: for an organisation
/// (<see cref="Organization"/>), or a caucus position with its endorsers and dissenters (<see cref="Stances"/>).</summary>
public sealed record StatementView(
    int Id, string Title, string? Text, int? OrganizationId, string? Organization, int? CaucusPositionId, int? DocumentId, string? DocumentTitle,
    string SubmittedBy, DateTimeOffset SubmittedAt, IReadOnlyList<StanceView> Stances)
{
    public IReadOnlyList<string> Paragraphs => DraftText.Paragraphs(Text);
    public IEnumerable<StanceView> Endorsers => Stances.Where(s => s.Kind == CaucusStanceKind.Endorsed);
    public IEnumerable<StanceView> Dissenters => Stances.Where(s => s.Kind == CaucusStanceKind.Dissented);
}

/// <summary>Reading and submitting the statements of a meeting. They are read by whoever may see the meeting (the caller
/// has checked it: <see cref="DocumentReading.MeetingAsync"/>); a position paper is a document of the meeting, linked
/// only where the reader may read that document.</summary>
public static class Statements
{
    public const string NotInvited = "This organisation is not invited to this meeting: statements come from the organisations invited to it.";
    public const string NotActing = "You do not act for this organisation: only its representatives submit its statements.";

    /// <summary>The statements of the meeting, oldest first, in two queries.</summary>
    public static async Task<List<StatementView>> ListAsync(AppDbContext db, ReadableMeeting readable, CancellationToken ct)
    {
        var levels = readable.Levels.ToList();
        var rows = (await db.Statements.AsNoTracking().Where(s => s.MeetingId == readable.Meeting.Id)
            .Select(s => new
            {
                s.Id, s.Title, s.Text, s.OrganizationId, Organization = s.Organization!.Name, s.CaucusPositionId,
                DocumentId = s.Document != null && levels.Contains(s.Document.Access) ? s.DocumentId : null,
                DocumentTitle = s.Document != null && levels.Contains(s.Document.Access) ? s.Document.Title : null,
                SubmittedBy = s.SubmittedBy!.DisplayName, s.SubmittedAt,
            })
            .ToListAsync(ct))
            .OrderBy(s => s.SubmittedAt).ThenBy(s => s.Id).ToList();
        var positions = rows.Where(r => r.CaucusPositionId != null).Select(r => r.CaucusPositionId!.Value).ToList();
        var stances = positions.Count == 0 ? Array.Empty<(int PositionId, StanceView View)>().ToLookup(s => s.PositionId, s => s.View)
            : (await db.CaucusStances.AsNoTracking().Where(s => positions.Contains(s.PositionId))
                .Select(s => new { s.PositionId, View = new StanceView(s.OrganizationId, s.Organization!.Name, s.Kind, s.DissentText, s.VersionNumber, s.RecordedAt) })
                .ToListAsync(ct))
            .ToLookup(s => s.PositionId, s => s.View);
        return rows.Select(r => new StatementView(r.Id, r.Title, r.Text, r.OrganizationId, r.Organization, r.CaucusPositionId, r.DocumentId, r.DocumentTitle,
                r.SubmittedBy, r.SubmittedAt,
                r.CaucusPositionId is { } p ? [.. stances[p].OrderBy(s => s.Kind).ThenBy(s => s.Organization, StringComparer.CurrentCulture)] : []))
            .ToList();
    }

    /// <summary>The organisations invited to the meeting that <paramref name="userId"/> acts for: those they may submit for.</summary>
    public static async Task<List<OrganizationChoice>> SubmittersForAsync(AppDbContext db, TimeProvider clock, string? userId, Meeting meeting, CancellationToken ct)
    {
        if (userId is null)
        {
            return [];
        }
        var acting = CaucusCommands.ActingFor(db, clock, userId, meeting.ProcessId);
        return (await db.MeetingInvitees.AsNoTracking()
                .Where(i => i.MeetingId == meeting.Id && i.OrganizationId != null && acting.Contains(i.OrganizationId.Value))
                .Select(i => new OrganizationChoice(i.OrganizationId!.Value, i.Organization!.Name))
                .ToListAsync(ct))
            .DistinctBy(o => o.Id).OrderBy(o => o.Name, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>Stores a statement for an invited organisation its submitter acts for, with its position paper when one is
    /// given (already checked by <see cref="DocumentUpload.CheckFileAsync"/>; stored as a document of the meeting that its
    /// whole audience reads). The document and the statement are stored together or not at all.</summary>
    public static async Task<CaucusOutcome> SubmitAsync(AppDbContext db, TimeProvider clock, int meetingId, ClaimsPrincipal user, string userId,
        NewStatement input, CheckedFile? paper, string? paperLanguage, CancellationToken ct)
    {
        var errors = input.Check(paper is not null).ToList();
        var language = paperLanguage ?? "en";
        if (paper is not null && !DocumentUpload.Languages.Contains(language))
        {
            errors.Add(new("Language", "Choose one of the languages offered."));
        }
        var meeting = await db.Meetings.SingleAsync(m => m.Id == meetingId, ct);
        if (input.OrganizationId is { } organizationId)
        {
            if (!await db.MeetingInvitees.AnyAsync(i => i.MeetingId == meetingId && i.OrganizationId == organizationId, ct))
            {
                errors.Add(new(nameof(NewStatement.OrganizationId), NotInvited));
            }
            else if (!await CaucusCommands.ActingFor(db, clock, userId, meeting.ProcessId).ContainsAsync(organizationId, ct))
            {
                errors.Add(new(nameof(NewStatement.OrganizationId), NotActing));
            }
        }
        if (errors.Count > 0)
        {
            return CaucusOutcome.Invalid(errors);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var statement = new Statement
        {
            Meeting = meeting,
            OrganizationId = input.OrganizationId,
            Title = input.Title!.Trim(),
            Text = DraftText.Stored(input.Text) is { Length: > 0 } text ? text : null,
            SubmittedByUserId = userId,
            SubmittedAt = clock.GetUtcNow(),
        };
        if (paper is not null)
        {
            var upload = new UploadInput { Title = statement.Title, Language = language, Status = TranslationStatus.Original, Access = DocumentAccess.Meeting };
            // A new document's first version takes number 1: no other upload can collide with it.
            var version = await DocumentUpload.SaveAsync(db, clock, meeting, null, upload, paper, user, ct);
            statement.DocumentId = version!.DocumentId;
        }
        db.Statements.Add(statement);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return CaucusOutcome.Of(statement.Id);
    }
}
