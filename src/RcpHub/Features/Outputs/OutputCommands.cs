using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Features.Meetings;

namespace RcpHub.Features.Outputs;

/// <summary>What a change to an output came to: done (with the id or number made), refused for its fields (English
/// message keys per field), or refused as a whole (an English message key, e.g. a second adoption). Nothing is stored
/// unless it is done.</summary>
public sealed record OutputOutcome(int Value, IReadOnlyList<FieldError> Errors, string? Refusal)
{
    public bool Done => Errors.Count == 0 && Refusal is null;

    public static OutputOutcome Of(int value) => new(value, [], null);
    public static OutputOutcome Invalid(IReadOnlyList<FieldError> errors) => new(0, errors, null);
    public static OutputOutcome Invalid(string field, string message) => new(0, [new(field, message)], null);
    public static OutputOutcome Refused(string message) => new(0, [], message);
}

/// <summary>Drafting, commenting on, adopting an output and recording the states' positions, shared by the pages and the
/// API. Versions are only ever added; an adopted output's text, comments and adoption are frozen.</summary>
public static class OutputCommands
{
    public const string Adopted = "This output has been adopted: its text is frozen. Nothing has been saved.";
    public const string CommentsClosed = "This output has been adopted: comments are closed. Nothing has been saved.";
    public const string AdoptedTwice = "This output has already been adopted: it cannot be adopted a second time. Nothing has been saved.";
    public const string NotAdoptedYet = "States take their positions on an adopted output: adopt it first. Nothing has been saved.";
    public const string Collided = "Someone else saved a version at the same moment. Nothing of yours was saved: check the latest version and save again.";
    public const string AlreadyRecorded = "This state's position is already recorded: tick \"Replace the recorded position\" to change it.";

    public static async Task<OutputOutcome> CreateAsync(AppDbContext db, TimeProvider clock, int processId, string userId, NewOutput input, CancellationToken ct)
    {
        var errors = input.Check().ToList();
        if (input.MeetingId is { } meetingId && !await db.Meetings.AnyAsync(m => m.Id == meetingId && m.ProcessId == processId, ct))
        {
            errors.Add(new(nameof(NewOutput.MeetingId), "Choose a meeting of this process, or none."));
        }
        if (errors.Count > 0)
        {
            return OutputOutcome.Invalid(errors);
        }
        var now = clock.GetUtcNow();
        var output = new Output
        {
            ProcessId = processId,
            MeetingId = input.MeetingId,
            Kind = input.Kind!.Value,
            Title = input.Title!.Trim(),
            OriginalLanguage = input.OriginalLanguage!,
            Audience = input.Audience!.Value,
            CreatedAt = now,
            UpdatedAt = now,
            Versions = [new OutputVersion { Number = 1, Text = DraftText.Stored(input.Text), SavedByUserId = userId, SavedAt = now }],
        };
        db.Outputs.Add(output);
        await db.SaveChangesAsync(ct);
        return OutputOutcome.Of(output.Id);
    }

    /// <summary>Adds the next version (<see cref="NumberedSave"/>); its number when done.</summary>
    public static async Task<OutputOutcome> SaveVersionAsync(AppDbContext db, TimeProvider clock, int outputId, string userId, NewDraftVersion input, CancellationToken ct)
    {
        if (input.Check() is { Count: > 0 } errors)
        {
            return OutputOutcome.Invalid(errors);
        }
        var output = await db.Outputs.SingleAsync(o => o.Id == outputId, ct);
        if (output.AdoptedOn is not null)
        {
            return OutputOutcome.Refused(Adopted);
        }
        var now = clock.GetUtcNow();
        output.UpdatedAt = now;
        var number = 0;
        bool saved;
        try
        {
            saved = await NumberedSave.TrySaveAsync(db, async () =>
            {
                number = (await db.OutputVersions.Where(v => v.OutputId == outputId).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
                db.OutputVersions.Add(new OutputVersion
                {
                    OutputId = outputId,
                    Number = number,
                    Text = DraftText.Stored(input.Text),
                    Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim(),
                    SavedByUserId = userId,
                    SavedAt = now,
                });
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Adopted while this version was being saved (the adoption is the output's concurrency token).
            return OutputOutcome.Refused(Adopted);
        }
        return saved ? OutputOutcome.Of(number) : OutputOutcome.Refused(Collided);
    }

    /// <summary>A comment on a paragraph of a draft's version, for the focal point's own state (none for the secretariat or chair).</summary>
    public static async Task<OutputOutcome> CommentAsync(
        AppDbContext db, TimeProvider clock, int outputId, int processId, MeetingReader reader, NewDraftComment input, CancellationToken ct)
    {
        if (input.Check() is { Count: > 0 } errors)
        {
            return OutputOutcome.Invalid(errors);
        }
        if (await db.Outputs.Where(o => o.Id == outputId).Select(o => o.AdoptedOn).SingleAsync(ct) is not null)
        {
            return OutputOutcome.Refused(CommentsClosed);
        }
        var version = await db.OutputVersions.AsNoTracking().Where(v => v.OutputId == outputId && v.Number == input.Version)
            .Select(v => new { v.Id, v.Text }).SingleOrDefaultAsync(ct);
        if (version is null)
        {
            return OutputOutcome.Invalid(nameof(NewDraftComment.Version), "There is no such version of this output.");
        }
        if (input.Paragraph > DraftText.Paragraphs(version.Text).Count)
        {
            return OutputOutcome.Invalid(nameof(NewDraftComment.Paragraph), "There is no such paragraph in this version.");
        }
        var comment = new OutputComment
        {
            OutputVersionId = version.Id,
            Paragraph = input.Paragraph!.Value,
            StateCode = StateOf(reader, processId),
            AuthorUserId = reader.UserId!,
            Text = DraftText.Lf(input.Text).Trim(),
            At = clock.GetUtcNow(),
        };
        db.OutputComments.Add(comment);
        await db.SaveChangesAsync(ct);
        return OutputOutcome.Of(comment.Id);
    }

    /// <summary>The state a reader comments for: the state of their focal-point role in the process, if they hold one.</summary>
    public static string? StateOf(MeetingReader reader, int processId) =>
        reader.Roles.FirstOrDefault(r => r.ProcessId == processId && r.Role == ProcessRole.FocalPoint && r.StateCode != null)?.StateCode;

    /// <summary>Adopts the output once, in its latest version, on a day not in the future, at a meeting of its process.</summary>
    public static async Task<OutputOutcome> AdoptAsync(AppDbContext db, TimeProvider clock, int outputId, int processId, Adoption input, CancellationToken ct)
    {
        var errors = input.Check(clock.Today()).ToList();
        if (input.MeetingId is { } meetingId && !await db.Meetings.AnyAsync(m => m.Id == meetingId && m.ProcessId == processId, ct))
        {
            errors.Add(new(nameof(Adoption.MeetingId), "Choose a meeting of this process."));
        }
        var output = await db.Outputs.SingleAsync(o => o.Id == outputId, ct);
        if (output.AdoptedOn is not null)
        {
            return OutputOutcome.Refused(AdoptedTwice);
        }
        if (errors.Count > 0)
        {
            return OutputOutcome.Invalid(errors);
        }
        output.AdoptedOn = input.On;
        output.AdoptedAtMeetingId = input.MeetingId;
        output.AdoptedVersionId = await db.OutputVersions.Where(v => v.OutputId == outputId).OrderByDescending(v => v.Number).Select(v => (int?)v.Id).FirstOrDefaultAsync(ct);
        output.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another request adopted it between our reading and our saving: the database refused this second adoption.
            return OutputOutcome.Refused(AdoptedTwice);
        }
        return OutputOutcome.Of(output.Id);
    }

    /// <summary>Records (or, when <paramref name="replace"/>, changes) a member state's position on the adopted output.
    /// Only a state that is a member of the process today may take one (<see cref="RecommendationAddressees.MemberStatesOf"/>).</summary>
    public static async Task<OutputOutcome> RecordPositionAsync(
        AppDbContext db, TimeProvider clock, int outputId, int processId, string userId, string? stateCode, PositionInput input, bool replace, CancellationToken ct)
    {
        var today = clock.Today();
        var errors = input.Check(today).ToList();
        var code = stateCode?.Trim().ToUpperInvariant() ?? "";
        if (code.Length == 0)
        {
            errors.Add(new(nameof(OutputPosition.StateCode), "Choose the state."));
        }
        else if (!await db.Memberships.MemberStatesOf(processId, today).ContainsAsync(code, ct))
        {
            errors.Add(new(nameof(OutputPosition.StateCode), "This state is not a member of the process: only its member states take a position."));
        }
        if (await db.Outputs.Where(o => o.Id == outputId).Select(o => o.AdoptedOn).SingleAsync(ct) is null)
        {
            return OutputOutcome.Refused(NotAdoptedYet);
        }
        if (errors.Count > 0)
        {
            return OutputOutcome.Invalid(errors);
        }
        var position = await db.OutputPositions.SingleOrDefaultAsync(p => p.OutputId == outputId && p.StateCode == code, ct);
        if (position is not null && !replace)
        {
            return OutputOutcome.Invalid("Replace", AlreadyRecorded);
        }
        if (position is null)
        {
            position = new OutputPosition { OutputId = outputId, StateCode = code, RecordedByUserId = userId };
            db.OutputPositions.Add(position);
        }
        position.Kind = input.Kind!.Value;
        position.ReservationText = input.Kind == StatePositionKind.Reservation ? DraftText.Lf(input.ReservationText).Trim() : null;
        position.On = input.On!.Value;
        position.RecordedByUserId = userId;
        position.RecordedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return OutputOutcome.Of(position.Id);
    }

    /// <summary>Removes a state's recorded position; false when it has none.</summary>
    public static async Task<bool> RemovePositionAsync(AppDbContext db, int outputId, string? stateCode, CancellationToken ct)
    {
        var code = stateCode?.Trim().ToUpperInvariant() ?? "";
        var position = await db.OutputPositions.SingleOrDefaultAsync(p => p.OutputId == outputId && p.StateCode == code, ct);
        if (position is null)
        {
            return false;
        }
        db.OutputPositions.Remove(position);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
