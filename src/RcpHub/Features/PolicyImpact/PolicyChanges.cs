using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Features.Processes;

namespace RcpHub.Features.PolicyImpact;

/// <summary>A policy change as a form or a JSON body gives it.</summary>
public sealed class PolicyChangeInput
{
    /// <summary>The state that changed its law, policy or practice (ISO 3166 alpha-3).</summary>
    public string? StateCode { get; set; }
    public string? Title { get; set; }
    public PolicyChangeKind? Kind { get; set; }

    /// <summary>When it was adopted or took effect; not in the future.</summary>
    public DateOnly? On { get; set; }

    /// <summary>An http or https address of its text.</summary>
    public string? Link { get; set; }

    [MultiLine]
    public string? Description { get; set; }

    /// <summary>The recommendations it answers: of the process's adopted outputs, each addressed to the state.</summary>
    public List<int> RecommendationIds { get; set; } = [];
    public List<int> ThemeIds { get; set; } = [];

    public static PolicyChangeInput From(PolicyChange c) => new()
    {
        StateCode = c.StateCode,
        Title = c.Title,
        Kind = c.Kind,
        On = c.On,
        Link = c.Link,
        Description = c.Description,
        RecommendationIds = c.Recommendations.Select(r => r.RecommendationId).ToList(),
        ThemeIds = c.Themes.Select(t => t.ThemeId).ToList(),
    };
}

/// <summary>Who is recording: the secretariat (or a platform administrator) for any member state, a focal point for the
/// states they hold that role for.</summary>
public sealed record PolicyRecorder(string UserId, bool AnyState, IReadOnlyList<string> OwnStates)
{
    public bool MayRecordFor(string stateCode) => AnyState || OwnStates.Contains(stateCode);

    public static async Task<PolicyRecorder> OfAsync(ProcessAccess access, ClaimsPrincipal user, int processId)
    {
        var grant = await access.ForProcessAsync(user, processId);
        return new PolicyRecorder(ProcessAccess.UserIdOf(user) ?? "", grant.IsPlatformAdministrator || grant.Has(ProcessRole.Secretariat), grant.FocalPointStates);
    }
}

/// <summary>What the recording of a change came to: the change's id, or the refused fields (by property name), or not
/// found (no such change in the process, or one of a state the recorder may not record for).</summary>
public sealed record PolicyChangeOutcome(int? Id, IReadOnlyDictionary<string, string[]> Errors, bool NotFound = false)
{
    public bool Saved => Id is not null && Errors.Count == 0;

    /// <summary>The refused fields as the JSON API names them.</summary>
    public Dictionary<string, string[]> JsonErrors => Errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value);
}

/// <summary>Records, corrects and removes policy changes, for the pages and the API alike. Every rule of what may be
/// stored is here: the state is a member the recorder may record for, the date is not in the future, the link is a web
/// address, each recommendation belongs to an adopted output of the process and is addressed to the state
/// (<see cref="RecommendationAddressees"/>), each theme exists. Nothing is stored when any of them fails.</summary>
public static class PolicyChanges
{
    public static async Task<PolicyChangeOutcome> SaveAsync(AppDbContext db, TimeProvider clock, IStringLocalizer<PolicyImpactText> t,
        int processId, int? id, PolicyChangeInput input, PolicyRecorder recorder, CancellationToken ct)
    {
        PolicyChange? change = null;
        if (id is { } existing)
        {
            change = await db.PolicyChanges.Include(c => c.Recommendations).Include(c => c.Themes)
                .SingleOrDefaultAsync(c => c.Id == existing && c.ProcessId == processId, ct);
            if (change is null || !recorder.MayRecordFor(change.StateCode))
            {
                return new PolicyChangeOutcome(null, new Dictionary<string, string[]>(), NotFound: true);
            }
        }
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Refuse(string field, string message) => errors[field] = [message];
        var today = clock.Today();
        var memberStates = (await db.Memberships.MemberStatesOf(processId, today).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

        var state = input.StateCode?.Trim().ToUpperInvariant() ?? "";
        if (state.Length == 0)
        {
            Refuse(nameof(input.StateCode), t["Choose the state."]);
        }
        else if (!recorder.MayRecordFor(state))
        {
            Refuse(nameof(input.StateCode), t["You may record policy changes only for the state you are focal point for. Nothing has been saved."]);
        }
        else if (!memberStates.Contains(state))
        {
            Refuse(nameof(input.StateCode), t["This state is not a member of the process."]);
        }
        var title = input.Title?.Trim() ?? "";
        if (title.Length == 0)
        {
            Refuse(nameof(input.Title), t["Give the title of the law, policy or practice."]);
        }
        else if (title.Length > PolicyImpactLimits.Title)
        {
            Refuse(nameof(input.Title), t["Keep the title within {0} characters.", PolicyImpactLimits.Title]);
        }
        if (input.Kind is null)
        {
            Refuse(nameof(input.Kind), t["Choose what kind of change it is."]);
        }
        if (input.On is null)
        {
            Refuse(nameof(input.On), t["Give the date of the change."]);
        }
        else if (input.On > today)
        {
            Refuse(nameof(input.On), t["The date cannot be in the future."]);
        }
        var link = string.IsNullOrWhiteSpace(input.Link) ? null : input.Link.Trim();
        if (link is not null && (link.Length > PolicyImpactLimits.Link
            || !Uri.TryCreate(link, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            Refuse(nameof(input.Link), t["Give a web address starting with http:// or https://."]);
        }
        var description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        if (description?.Length > PolicyImpactLimits.Description)
        {
            Refuse(nameof(input.Description), t["Keep the description within {0} characters.", PolicyImpactLimits.Description]);
        }

        var recommendationIds = input.RecommendationIds.Distinct().ToList();
        if (recommendationIds.Count > PolicyImpactLimits.Recommendations)
        {
            Refuse(nameof(input.RecommendationIds), t["Link at most {0} recommendations.", PolicyImpactLimits.Recommendations]);
        }
        else if (recommendationIds.Count > 0)
        {
            var recommendations = await db.Recommendations.AsNoTracking().Include(r => r.States)
                .Where(r => recommendationIds.Contains(r.Id) && r.Output!.ProcessId == processId && r.Output.AdoptedOn != null)
                .ToListAsync(ct);
            if (recommendations.Count != recommendationIds.Count
                || (state.Length > 0 && recommendations.Any(r => !RecommendationAddressees.IsAddressedTo(r, state, memberStates))))
            {
                Refuse(nameof(input.RecommendationIds), t["Link only recommendations of this process's adopted outputs that are addressed to the state."]);
            }
        }
        var themeIds = input.ThemeIds.Distinct().ToList();
        if (!await ThemeTags.AreChosenWellAsync(db, themeIds, ct))
        {
            Refuse(nameof(input.ThemeIds), t["Choose themes from the list."]);
        }
        if (errors.Count > 0)
        {
            return new PolicyChangeOutcome(null, errors);
        }

        var now = clock.GetUtcNow();
        if (change is null)
        {
            change = new PolicyChange { ProcessId = processId, StateCode = state, Title = title, RecordedByUserId = recorder.UserId, RecordedAt = now };
            db.PolicyChanges.Add(change);
        }
        change.StateCode = state;
        change.Title = title;
        change.Kind = input.Kind!.Value;
        change.On = input.On!.Value;
        change.Link = link;
        change.Description = description;
        change.UpdatedAt = now;
        change.Recommendations.RemoveAll(r => !recommendationIds.Contains(r.RecommendationId));
        change.Recommendations.AddRange(recommendationIds.Where(r => change.Recommendations.All(x => x.RecommendationId != r))
            .Select(r => new PolicyChangeRecommendation { RecommendationId = r }));
        change.Themes.RemoveAll(x => !themeIds.Contains(x.ThemeId));
        change.Themes.AddRange(themeIds.Where(x => change.Themes.All(y => y.ThemeId != x)).Select(x => new PolicyChangeTheme { ThemeId = x }));
        await db.SaveChangesAsync(ct);
        return new PolicyChangeOutcome(change.Id, new Dictionary<string, string[]>());
    }

    /// <summary>Removes a change recorded by mistake (the audit log keeps what it said); false when there is none the
    /// recorder may remove.</summary>
    public static async Task<bool> RemoveAsync(AppDbContext db, int processId, int id, PolicyRecorder recorder, CancellationToken ct)
    {
        var change = await db.PolicyChanges.SingleOrDefaultAsync(c => c.Id == id && c.ProcessId == processId, ct);
        if (change is null || !recorder.MayRecordFor(change.StateCode))
        {
            return false;
        }
        db.PolicyChanges.Remove(change);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The recommendations a state may link a change to: of the process's adopted outputs, addressed to it.</summary>
    public static async Task<IReadOnlyList<RecommendationChoice>> AnswerableAsync(AppDbContext db, int processId, IReadOnlySet<string> memberStates,
        IReadOnlyCollection<string> states, CancellationToken ct)
    {
        var recommendations = await db.Recommendations.AsNoTracking().Include(r => r.States).Include(r => r.Output)
            .Where(r => r.Output!.ProcessId == processId && r.Output.AdoptedOn != null)
            .OrderBy(r => r.OutputId).ThenBy(r => r.Number)
            .ToListAsync(ct);
        return recommendations
            .Select(r => new RecommendationChoice(r.Id, r.Output!.Title, r.Number, r.Text,
                states.Where(s => RecommendationAddressees.IsAddressedTo(r, s, memberStates)).ToList()))
            .Where(r => r.States.Count > 0)
            .ToList();
    }
}

/// <summary>A recommendation offered on the form, with the states (among those offered) it is addressed to.</summary>
public sealed record RecommendationChoice(int Id, string OutputTitle, int Number, string Text, IReadOnlyList<string> States);
