using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Features.Meetings;

namespace RcpHub.Features.Caucus;

/// <summary>What a change in the caucus or to a meeting's statements came to: done (with the id or number made), refused
/// for its fields (English message keys per field), or refused as a whole (an English message key). Nothing is stored
/// unless it is done.</summary>
public sealed record CaucusOutcome(int Value, IReadOnlyList<FieldError> Errors, string? Refusal)
{
    public bool Done => Errors.Count == 0 && Refusal is null;

    public static CaucusOutcome Of(int value) => new(value, [], null);
    public static CaucusOutcome Invalid(IReadOnlyList<FieldError> errors) => new(0, errors, null);
    public static CaucusOutcome Invalid(string field, string message) => new(0, [new(field, message)], null);
    public static CaucusOutcome Refused(string message) => new(0, [], message);
}

/// <summary>Drafting a joint position in the caucus, commenting on it, the organisations' stances and its submission to a
/// meeting, shared by the pages and the API. Versions are only ever added; a submitted position is frozen.</summary>
public static class CaucusCommands
{
    public const string Submitted = "This position has been submitted to a meeting: it is frozen. Nothing has been saved.";
    public const string SubmittedTwice = "This position has already been submitted to a meeting: it is submitted once. Nothing has been saved.";
    public const string Collided = "Someone else saved a version at the same moment. Nothing of yours was saved: check the latest version and save again.";
    public const string StanceTaken = "This organisation has already endorsed or dissented from this position: one stance per organisation. Nothing has been saved.";
    public const string NotRepresentative = "You do not act for this organisation: only its representatives endorse or dissent for it.";
    public const string NoEndorsement = "No organisation has endorsed this position yet: a position is submitted with at least one endorsement. Nothing has been saved.";

    public static async Task<CaucusOutcome> CreateAsync(AppDbContext db, TimeProvider clock, int processId, string userId, NewPosition input, CancellationToken ct)
    {
        if (input.Check() is { Count: > 0 } errors)
        {
            return CaucusOutcome.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var position = new CaucusPosition
        {
            ProcessId = processId,
            Title = input.Title!.Trim(),
            CreatedByUserId = userId,
            CreatedAt = now,
            UpdatedAt = now,
            Versions = [new CaucusVersion { Number = 1, Text = DraftText.Stored(input.Text), SavedByUserId = userId, SavedAt = now }],
        };
        db.CaucusPositions.Add(position);
        await db.SaveChangesAsync(ct);
        return CaucusOutcome.Of(position.Id);
    }

    /// <summary>Adds the next version (<see cref="NumberedSave"/>); its number when done.</summary>
    public static async Task<CaucusOutcome> SaveVersionAsync(AppDbContext db, TimeProvider clock, int positionId, string userId, NewDraftVersion input, CancellationToken ct)
    {
        if (input.Check() is { Count: > 0 } errors)
        {
            return CaucusOutcome.Invalid(errors);
        }
        var position = await db.CaucusPositions.SingleAsync(p => p.Id == positionId, ct);
        if (position.SubmittedAt is not null)
        {
            return CaucusOutcome.Refused(Submitted);
        }
        var now = clock.GetUtcNow();
        position.UpdatedAt = now;
        var number = 0;
        var saved = await NumberedSave.TrySaveAsync(db, async () =>
        {
            number = (await db.CaucusVersions.Where(v => v.PositionId == positionId).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
            db.CaucusVersions.Add(new CaucusVersion
            {
                Position = position,
                Number = number,
                Text = DraftText.Stored(input.Text),
                Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
                SavedByUserId = userId,
                SavedAt = now,
            });
        }, ct);
        return saved ? CaucusOutcome.Of(number) : CaucusOutcome.Refused(Collided);
    }

    /// <summary>A comment on a paragraph of a version, for the author's first organisation when they act for one.</summary>
    public static async Task<CaucusOutcome> CommentAsync(AppDbContext db, TimeProvider clock, int positionId, string userId, NewDraftComment input, CancellationToken ct)
    {
        if (input.Check() is { Count: > 0 } errors)
        {
            return CaucusOutcome.Invalid(errors);
        }
        var position = await db.CaucusPositions.SingleAsync(p => p.Id == positionId, ct);
        if (position.SubmittedAt is not null)
        {
            return CaucusOutcome.Refused(Submitted);
        }
        var version = await db.CaucusVersions.SingleOrDefaultAsync(v => v.PositionId == positionId && v.Number == input.Version, ct);
        if (version is null)
        {
            return CaucusOutcome.Invalid(nameof(NewDraftComment.Version), "There is no such version of this position.");
        }
        if (input.Paragraph > DraftText.Paragraphs(version.Text).Count)
        {
            return CaucusOutcome.Invalid(nameof(NewDraftComment.Paragraph), "There is no such paragraph in this version.");
        }
        var organization = await ActingFor(db, clock, userId, position.ProcessId).OrderBy(id => id).Select(id => (int?)id).FirstOrDefaultAsync(ct);
        var comment = new CaucusComment
        {
            Version = version,
            Paragraph = input.Paragraph!.Value,
            OrganizationId = organization,
            AuthorUserId = userId,
            Text = DraftText.Lf(input.Text).Trim(),
            At = clock.GetUtcNow(),
        };
        db.CaucusComments.Add(comment);
        await db.SaveChangesAsync(ct);
        return CaucusOutcome.Of(comment.Id);
    }

    /// <summary>Records an organisation's endorsement or dissent, once per organisation, by one of its representatives
    /// (<see cref="ActingOrganizations"/>), on the latest version.</summary>
    public static async Task<CaucusOutcome> TakeStanceAsync(AppDbContext db, TimeProvider clock, int positionId, string userId, NewStance input, CancellationToken ct)
    {
        if (input.Check() is { Count: > 0 } errors)
        {
            return CaucusOutcome.Invalid(errors);
        }
        var position = await db.CaucusPositions.SingleAsync(p => p.Id == positionId, ct);
        if (position.SubmittedAt is not null)
        {
            return CaucusOutcome.Refused(Submitted);
        }
        var organizationId = input.OrganizationId!.Value;
        if (!await ActingFor(db, clock, userId, position.ProcessId).ContainsAsync(organizationId, ct))
        {
            return CaucusOutcome.Invalid(nameof(NewStance.OrganizationId), NotRepresentative);
        }
        if (await db.CaucusStances.AnyAsync(s => s.PositionId == positionId && s.OrganizationId == organizationId, ct))
        {
            return CaucusOutcome.Refused(StanceTaken);
        }
        var stance = new CaucusStance
        {
            Position = position,
            OrganizationId = organizationId,
            Kind = input.Kind!.Value,
            DissentText = input.Kind == CaucusStanceKind.Dissented ? DraftText.Lf(input.DissentText).Trim() : null,
            VersionNumber = await db.CaucusVersions.Where(v => v.PositionId == positionId).MaxAsync(v => v.Number, ct),
            RecordedByUserId = userId,
            RecordedAt = clock.GetUtcNow(),
        };
        position.UpdatedAt = stance.RecordedAt;
        db.CaucusStances.Add(stance);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (NumberedSave.IsUniqueViolation(e))
        {
            // Another representative of the organisation took its stance at the same moment.
            return CaucusOutcome.Refused(StanceTaken);
        }
        return CaucusOutcome.Of(stance.Id);
    }

    /// <summary>Submits the position, with at least one endorsement, to a meeting of its process, once: it becomes a
    /// statement of that meeting (its latest text, its endorsers and dissenters) and is frozen.</summary>
    public static async Task<CaucusOutcome> SubmitAsync(AppDbContext db, TimeProvider clock, int positionId, string userId, NewSubmission input, CancellationToken ct)
    {
        if (input.Check() is { Count: > 0 } errors)
        {
            return CaucusOutcome.Invalid(errors);
        }
        var position = await db.CaucusPositions.SingleAsync(p => p.Id == positionId, ct);
        if (position.SubmittedAt is not null)
        {
            return CaucusOutcome.Refused(SubmittedTwice);
        }
        var meeting = await db.Meetings.SingleOrDefaultAsync(m => m.Id == input.MeetingId && m.ProcessId == position.ProcessId, ct);
        if (meeting is null)
        {
            return CaucusOutcome.Invalid(nameof(NewSubmission.MeetingId), "Choose a meeting of this process.");
        }
        if (!await db.CaucusStances.AnyAsync(s => s.PositionId == positionId && s.Kind == CaucusStanceKind.Endorsed, ct))
        {
            return CaucusOutcome.Refused(NoEndorsement);
        }
        var now = clock.GetUtcNow();
        var text = await db.CaucusVersions.Where(v => v.PositionId == positionId).OrderByDescending(v => v.Number).Select(v => v.Text).FirstAsync(ct);
        position.SubmittedAt = now;
        position.UpdatedAt = now;
        var statement = new Statement
        {
            Meeting = meeting,
            CaucusPosition = position,
            Title = position.Title,
            Text = text,
            SubmittedByUserId = userId,
            SubmittedAt = now,
        };
        db.Statements.Add(statement);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (NumberedSave.IsUniqueViolation(e))
        {
            return CaucusOutcome.Refused(SubmittedTwice);
        }
        return CaucusOutcome.Of(statement.Id);
    }

    /// <summary>The organisations <paramref name="userId"/> acts for in the process.</summary>
    public static IQueryable<int> ActingFor(AppDbContext db, TimeProvider clock, string userId, int processId) =>
        ActingOrganizations.Of(db.OrganizationRepresentatives, db.ProcessRoleAssignments, db.Memberships, userId, processId, clock.Today());
}
