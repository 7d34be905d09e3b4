using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Manage;

public sealed class ChairTermInput
{
    public string? StateCode { get; set; }
    public int? OrganizationId { get; set; }

    /// <summary>Required unless <see cref="StartsOn"/> gives it.</summary>
    public int? StartYear { get; set; }
    public DateOnly? StartsOn { get; set; }
    public int? EndYear { get; set; }
    public DateOnly? EndsOn { get; set; }
    public string? Note { get; set; }
}

public sealed record ChairTermRow(
    int Id, string? StateCode, int? OrganizationId, string Holder, int StartYear, DateOnly? StartsOn, int? EndYear, DateOnly? EndsOn, string? Note);

public sealed record RotationEntry(int Position, string StateCode, string StateName);

public sealed record ChairRotationInput(IReadOnlyList<string>? Order, int? TermMonths);

/// <summary>The next chairs after the latest recorded term, or why there are none. <paramref name="Skipped"/> are
/// states of the rotation order that are no longer members: the chair passes over them.</summary>
public sealed record ChairSchedule(string? CurrentChair, int? TermMonths, IReadOnlyList<ScheduledChairRow> Terms, IReadOnlyList<RotationEntry> Skipped);

public sealed record ScheduledChairRow(string StateCode, string StateName, DateOnly StartsOn, DateOnly EndsOn);

public sealed record HolderChoices(IReadOnlyList<Choice> States, IReadOnlyList<Choice> Organizations, IReadOnlyList<Choice> RotationCandidates);

public enum RotationMove
{
    Up,
    Down,
}

/// <summary>Chair terms (the record of who chaired), the rotation order and the term length, and the schedule
/// of future chairs that <see cref="ChairRotation"/> derives from them.</summary>
public sealed class ChairCommands(AppDbContext db, IStringLocalizer<ManageText> t, TimeProvider clock)
{
    public const int ScheduledTerms = 6;

    /// <summary>Terms may be planned a few years ahead.</summary>
    private int LastYear => clock.GetUtcNow().Year + 10;

    public async Task<IReadOnlyList<ChairTermRow>> TermsAsync(int processId, int? termId = null, CancellationToken ct = default)
    {
        var terms = await db.ChairTerms.AsNoTracking()
            .Where(c => c.ProcessId == processId && (termId == null || c.Id == termId))
            .OrderByDescending(c => c.StartYear).ThenBy(c => c.StartsOn == null).ThenByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.StateCode, c.State, c.OrganizationId, c.Organization, c.StartYear, c.StartsOn, c.EndYear, c.EndsOn, c.Note })
            .ToListAsync(ct);
        return terms.Select(c => new ChairTermRow(c.Id, c.StateCode, c.OrganizationId, Holder.Label(c.State, c.Organization),
            c.StartYear, c.StartsOn, c.EndYear, c.EndsOn, c.Note)).ToList();
    }

    public async Task<Outcome> AddTermAsync(int processId, ChairTermInput input, CancellationToken ct = default)
    {
        var errors = await ValidateAsync(input, ct);
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        var term = new ChairTerm { ProcessId = processId };
        Apply(term, input);
        db.ChairTerms.Add(term);
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(term.Id);
    }

    public async Task<Outcome> UpdateTermAsync(int processId, int termId, ChairTermInput input, CancellationToken ct = default)
    {
        var term = await db.ChairTerms.FirstOrDefaultAsync(c => c.Id == termId && c.ProcessId == processId, ct);
        if (term is null)
        {
            return Outcome.NotFound;
        }
        var errors = await ValidateAsync(input, ct);
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        Apply(term, input);
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(term.Id);
    }

    public async Task<Outcome> RemoveTermAsync(int processId, int termId, CancellationToken ct = default)
    {
        var term = await db.ChairTerms.FirstOrDefaultAsync(c => c.Id == termId && c.ProcessId == processId, ct);
        if (term is null)
        {
            return Outcome.NotFound;
        }
        db.ChairTerms.Remove(term);
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(termId);
    }

    private async Task<FieldErrors> ValidateAsync(ChairTermInput input, CancellationToken ct)
    {
        var errors = new FieldErrors();
        await errors.HolderAsync(t, db, input.StateCode, input.OrganizationId,
            nameof(ChairTermInput.StateCode), nameof(ChairTermInput.OrganizationId), ct);
        var startYear = input.StartYear ?? input.StartsOn?.Year;
        if (startYear is null)
        {
            errors.Add(nameof(ChairTermInput.StartYear), t["Enter the year the term began, or its first day."]);
        }
        else if (startYear < ProfileCommands.FirstYear || startYear > LastYear)
        {
            errors.Add(nameof(ChairTermInput.StartYear), t["Enter a year between {0} and {1}.", ProfileCommands.FirstYear, LastYear]);
        }
        if (input.StartYear is { } y && input.StartsOn is { } s && s.Year != y)
        {
            errors.Add(nameof(ChairTermInput.StartsOn), t["This date is not in the year {0}.", y]);
        }
        if (input.EndYear is { } endYear && startYear is { } start && (endYear < start || endYear > LastYear))
        {
            errors.Add(nameof(ChairTermInput.EndYear), t["Enter a year between {0} and {1}.", start, LastYear]);
        }
        if (input.EndYear is { } ey && input.EndsOn is { } e && e.Year != ey)
        {
            errors.Add(nameof(ChairTermInput.EndsOn), t["This date is not in the year {0}.", ey]);
        }
        errors.NotBefore(t, nameof(ChairTermInput.EndsOn), input.EndsOn, input.StartsOn);
        errors.MaxLength(t, nameof(ChairTermInput.Note), input.Note, Checks.NoteLength);
        return errors;
    }

    private static void Apply(ChairTerm term, ChairTermInput input)
    {
        term.StateCode = Checks.Trimmed(input.StateCode)?.ToUpperInvariant();
        term.OrganizationId = term.StateCode is null ? input.OrganizationId : null;
        term.StartYear = input.StartYear ?? input.StartsOn!.Value.Year;
        term.StartsOn = input.StartsOn;
        term.EndYear = input.EndYear ?? input.EndsOn?.Year;
        term.EndsOn = input.EndsOn;
        term.Note = Checks.Trimmed(input.Note);
    }

    public async Task<IReadOnlyList<RotationEntry>> RotationAsync(int processId, CancellationToken ct = default)
    {
        var slots = await db.ChairRotationSlots.AsNoTracking()
            .Where(s => s.ProcessId == processId)
            .OrderBy(s => s.Position)
            .Select(s => new { s.Position, s.StateCode, s.State })
            .ToListAsync(ct);
        return slots.Select(s => new RotationEntry(s.Position, s.StateCode, s.State!.Name(Cultures.Current))).ToList();
    }

    /// <summary>Who may be picked as a chair in the forms: the states and organisations that take or took part in
    /// the process. <see cref="HolderChoices.RotationCandidates"/> are the current member states not yet in the rotation.</summary>
    public async Task<HolderChoices> HolderChoicesAsync(int processId, IReadOnlyList<RotationEntry> rotation, CancellationToken ct = default)
    {
        var today = clock.Today();
        var memberships = await db.Memberships.AsNoTracking()
            .Where(m => m.ProcessId == processId)
            .Select(m => new { m.State, m.Organization, m.Role, Part = m })
            .ToListAsync(ct);
        var states = memberships.Where(m => m.State is not null).Select(m => m.State!).DistinctBy(s => s.Code)
            .Select(s => new Choice(s.Code, s.Name(Cultures.Current)));
        var organizations = memberships.Where(m => m.Organization is not null).Select(m => m.Organization!).DistinctBy(o => o.Id)
            .Select(o => new Choice(o.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Holder.OrganizationLabel(o.Name, o.Acronym)));
        var inRotation = rotation.Select(r => r.StateCode).ToHashSet();
        var candidates = memberships.Where(m => m.State is not null && m.Role == MembershipRole.Member && m.Part.IsCurrent(today) && !inRotation.Contains(m.State.Code))
            .Select(m => m.State!).DistinctBy(s => s.Code).Select(s => new Choice(s.Code, s.Name(Cultures.Current)));
        return new HolderChoices(Choices.Sorted(states), Choices.Sorted(organizations), Choices.Sorted(candidates));
    }

    /// <summary>Replaces the rotation order when given, and the term length when given.</summary>
    public async Task<Outcome> SetRotationAsync(int processId, ChairRotationInput input, CancellationToken ct = default)
    {
        var process = await db.Processes.FirstOrDefaultAsync(p => p.Id == processId, ct);
        if (process is null)
        {
            return Outcome.NotFound;
        }
        var errors = new FieldErrors();
        if (input.TermMonths is { } months && (months < 1 || months > ProfileCommands.MaxTermMonths))
        {
            errors.Add(nameof(ChairRotationInput.TermMonths), t["Enter a number of months between {0} and {1}.", 1, ProfileCommands.MaxTermMonths]);
        }
        var slots = await db.ChairRotationSlots.Where(s => s.ProcessId == processId).OrderBy(s => s.Position).ToListAsync(ct);
        var order = (input.Order ?? []).Select(c => (c ?? "").Trim().ToUpperInvariant()).ToList();
        await ValidateOrderAsync(processId, order, slots.Select(s => s.StateCode).ToHashSet(), errors, ct);
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        if (input.TermMonths is not null)
        {
            process.ChairTermMonths = input.TermMonths;
        }
        if (input.Order is not null)
        {
            Reorder(processId, slots, order);
        }
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(processId);
    }

    /// <summary>Adds a state at the end, removes one, or moves one a place up or down.</summary>
    public async Task<Outcome> ChangeRotationAsync(int processId, string? add, string? remove, (string Code, RotationMove Move)? move, CancellationToken ct = default)
    {
        var order = (await db.ChairRotationSlots.AsNoTracking().Where(s => s.ProcessId == processId)
            .OrderBy(s => s.Position).Select(s => s.StateCode).ToListAsync(ct)).ToList();
        if (add is not null)
        {
            order.Add(add);
        }
        if (remove is not null && !order.Remove(remove))
        {
            return Outcome.NotFound;
        }
        if (move is var (code, direction))
        {
            var i = order.IndexOf(code);
            if (i < 0)
            {
                return Outcome.NotFound;
            }
            var j = direction == RotationMove.Up ? i - 1 : i + 1;
            if (j >= 0 && j < order.Count)
            {
                (order[i], order[j]) = (order[j], order[i]);
            }
        }
        return await SetRotationAsync(processId, new ChairRotationInput(order, null), ct);
    }

    private async Task ValidateOrderAsync(int processId, List<string> order, HashSet<string> inRotation, FieldErrors errors, CancellationToken ct)
    {
        const string field = nameof(ChairRotationInput.Order);
        foreach (var duplicate in order.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add(field, t["{0} appears more than once.", duplicate]);
        }
        var newcomers = order.Where(c => !inRotation.Contains(c)).Distinct().ToList();
        if (newcomers.Count == 0)
        {
            return;
        }
        var today = clock.Today();
        var known = await db.States.Where(s => newcomers.Contains(s.Code)).Select(s => s.Code).ToListAsync(ct);
        var members = await db.Memberships
            .Where(m => m.ProcessId == processId && m.Role == MembershipRole.Member && m.StateCode != null && newcomers.Contains(m.StateCode))
            .CurrentOn(today)
            .Select(m => m.StateCode!).ToListAsync(ct);
        foreach (var code in newcomers)
        {
            if (!known.Contains(code))
            {
                errors.Add(field, t["There is no state with the code {0}.", code]);
            }
            else if (!members.Contains(code))
            {
                errors.Add(field, t["{0} is not a current member state of this process.", code]);
            }
        }
    }

    /// <summary>Rewrites the order in place: each position keeps its row and changes state if it must, surplus
    /// positions go, new ones are added after. Positions never collide (they are unique per process), and the audit
    /// log shows which position changed hands.</summary>
    private void Reorder(int processId, List<ChairRotationSlot> slots, List<string> order)
    {
        for (var i = 0; i < Math.Max(slots.Count, order.Count); i++)
        {
            if (i >= order.Count)
            {
                db.ChairRotationSlots.Remove(slots[i]);
            }
            else if (i >= slots.Count)
            {
                var position = (slots.Count == 0 ? 0 : slots[^1].Position) + i - slots.Count + 1;
                db.ChairRotationSlots.Add(new ChairRotationSlot { ProcessId = processId, Position = position, StateCode = order[i] });
            }
            else if (slots[i].StateCode != order[i])
            {
                slots[i].StateCode = order[i];
            }
        }
    }

    public async Task<ChairSchedule?> ScheduleAsync(int processId, IReadOnlyList<RotationEntry> rotation, int count = ScheduledTerms, CancellationToken ct = default)
    {
        var today = clock.Today();
        var currentMembership = Membership.CurrentOn(today);
        var process = await db.Processes.AsNoTracking().Where(p => p.Id == processId)
            .Select(p => new
            {
                p.ChairTermMonths,
                Members = p.Memberships.AsQueryable().Where(currentMembership)
                    .Where(m => m.Role == MembershipRole.Member && m.StateCode != null)
                    .Select(m => m.StateCode!).ToList(),
                Latest = p.ChairTerms.OrderByDescending(c => c.StartYear).ThenBy(c => c.StartsOn == null).ThenByDescending(c => c.StartsOn).ThenByDescending(c => c.Id)
                    .Select(c => new { c.StateCode, c.State, c.Organization, c.StartYear, c.StartsOn, c.EndsOn })
                    .FirstOrDefault(),
            })
            .FirstOrDefaultAsync(ct);
        if (process is null)
        {
            return null;
        }
        var current = process.Latest is null ? null : Holder.Label(process.Latest.State, process.Latest.Organization);
        var skipped = rotation.Where(r => !process.Members.Contains(r.StateCode)).ToList();
        var order = rotation.Except(skipped).Select(r => r.StateCode).ToList();
        if (process.ChairTermMonths is not { } months || order.Count == 0)
        {
            return new ChairSchedule(current, process.ChairTermMonths, [], skipped);
        }
        IReadOnlyList<ScheduledChair> schedule;
        if (process.Latest is null)
        {
            // No term recorded: the rotation starts at its first state, on the first day of next month.
            schedule = ChairRotation.Schedule(order, null, new DateOnly(today.Year, today.Month, 1).AddMonths(1), months, count);
        }
        else
        {
            // A current chair outside the rotation (an organisation, or a state outside it) hands over to its first state.
            schedule = ChairRotation.Upcoming(order, process.Latest.StateCode, process.Latest.StartsOn ?? new DateOnly(process.Latest.StartYear, 1, 1),
                process.Latest.EndsOn, months, today, count);
        }
        var names = rotation.ToDictionary(r => r.StateCode, r => r.StateName);
        return new ChairSchedule(current, months, schedule.Select(s => new ScheduledChairRow(s.StateCode, names[s.StateCode], s.StartsOn, s.EndsOn)).ToList(), skipped);
    }
}
