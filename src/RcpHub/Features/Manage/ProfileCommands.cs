using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;

namespace RcpHub.Features.Manage;

/// <summary>A process's profile as the secretariat edits it. Sources are addresses, the first the primary one;
/// themes are named, and a name that no theme has yet creates the theme (themes are shared by all processes).</summary>
public sealed class ProfileInput
{
    public string? Name { get; set; }
    public string? Acronym { get; set; }
    public string? Region { get; set; }
    public ProcessKind? Kind { get; set; }
    public ProcessStatus? Status { get; set; }
    public string? StatusNote { get; set; }
    public int? FoundedYear { get; set; }
    public string? FormalInstitution { get; set; }
    [MultiLine]
    public string? SecretariatDescription { get; set; }
    [MultiLine]
    public string? ChairDescription { get; set; }
    [MultiLine]
    public string? Notes { get; set; }
    public int? ChairTermMonths { get; set; }
    public List<string> Sources { get; set; } = [];
    public List<string> Themes { get; set; } = [];
}

public sealed class ProfileCommands(AppDbContext db, IStringLocalizer<ManageText> t, TimeProvider clock)
{
    public const int FirstYear = 1980;
    public const int MaxTermMonths = 120;

    public Task<ProfileInput?> ReadAsync(int processId, CancellationToken ct = default) =>
        db.Processes.AsNoTracking().Where(p => p.Id == processId).Select(p => new ProfileInput
        {
            Name = p.Name,
            Acronym = p.Acronym,
            Region = p.Region,
            Kind = p.Kind,
            Status = p.Status,
            StatusNote = p.StatusNote,
            FoundedYear = p.FoundedYear,
            FormalInstitution = p.FormalInstitution,
            SecretariatDescription = p.SecretariatDescription,
            ChairDescription = p.ChairDescription,
            Notes = p.Notes,
            ChairTermMonths = p.ChairTermMonths,
            Sources = p.Sources.OrderByDescending(s => s.IsPrimary).ThenBy(s => s.Id).Select(s => s.Url).ToList(),
            Themes = p.Themes.OrderBy(th => th.Name).Select(th => th.Name).ToList(),
        }).FirstOrDefaultAsync(ct);

    public Task<List<string>> AllThemesAsync(CancellationToken ct = default) =>
        db.Themes.AsNoTracking().OrderBy(th => th.Name).Select(th => th.Name).ToListAsync(ct);

    public FieldErrors Validate(ProfileInput input)
    {
        var errors = new FieldErrors();
        errors.Required(t, nameof(ProfileInput.Name), input.Name);
        errors.MaxLength(t, nameof(ProfileInput.Name), input.Name, 300);
        errors.Required(t, nameof(ProfileInput.Acronym), input.Acronym);
        errors.MaxLength(t, nameof(ProfileInput.Acronym), input.Acronym, 40);
        errors.Required(t, nameof(ProfileInput.Region), input.Region);
        errors.MaxLength(t, nameof(ProfileInput.Region), input.Region, 200);
        errors.Defined(t, nameof(ProfileInput.Kind), input.Kind);
        if (input.Status is { } status && !Enum.IsDefined(status))
        {
            errors.Add(nameof(ProfileInput.Status), t["Choose one of the options."]);
        }
        errors.MaxLength(t, nameof(ProfileInput.StatusNote), input.StatusNote, Checks.NoteLength);
        var thisYear = clock.GetUtcNow().Year;
        if (input.FoundedYear is { } year && (year < FirstYear || year > thisYear))
        {
            errors.Add(nameof(ProfileInput.FoundedYear), t["Enter a year between {0} and {1}.", FirstYear, thisYear]);
        }
        errors.MaxLength(t, nameof(ProfileInput.FormalInstitution), input.FormalInstitution, Checks.NoteLength);
        errors.MaxLength(t, nameof(ProfileInput.SecretariatDescription), input.SecretariatDescription, Checks.TextLength);
        errors.MaxLength(t, nameof(ProfileInput.ChairDescription), input.ChairDescription, Checks.TextLength);
        errors.MaxLength(t, nameof(ProfileInput.Notes), input.Notes, Checks.TextLength);
        if (input.ChairTermMonths is { } months && (months < 1 || months > MaxTermMonths))
        {
            errors.Add(nameof(ProfileInput.ChairTermMonths), t["Enter a number of months between {0} and {1}.", 1, MaxTermMonths]);
        }
        foreach (var url in input.Sources ?? [])
        {
            if (!IsWebAddress(url))
            {
                errors.Add(nameof(ProfileInput.Sources), t["“{0}” is not a full web address (http:// or https://).", url]);
            }
        }
        foreach (var theme in input.Themes ?? [])
        {
            errors.Required(t, nameof(ProfileInput.Themes), theme);
            errors.MaxLength(t, nameof(ProfileInput.Themes), theme, 200);
        }
        return errors;
    }

    public static bool IsWebAddress(string? url) =>
        url is not null && url.Trim().Length <= 1000
        && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    public async Task<Outcome> SaveAsync(int processId, ProfileInput input, CancellationToken ct = default)
    {
        var errors = Validate(input);
        if (errors.Any)
        {
            return Outcome.Refused(errors);
        }
        var process = await db.Processes.Include(p => p.Sources).Include(p => p.Themes)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == processId, ct);
        if (process is null)
        {
            return Outcome.NotFound;
        }
        process.Name = input.Name!.Trim();
        process.Acronym = input.Acronym!.Trim();
        process.Region = input.Region!.Trim();
        process.Kind = input.Kind!.Value;
        process.Status = input.Status;
        process.StatusNote = Checks.Trimmed(input.StatusNote);
        process.FoundedYear = input.FoundedYear;
        process.FormalInstitution = Checks.Trimmed(input.FormalInstitution);
        process.SecretariatDescription = Checks.Trimmed(input.SecretariatDescription);
        process.ChairDescription = Checks.Trimmed(input.ChairDescription);
        process.Notes = Checks.Trimmed(input.Notes);
        process.ChairTermMonths = input.ChairTermMonths;
        SetSources(process, input.Sources ?? []);
        await SetThemesAsync(process, input.Themes ?? [], ct);
        await db.SaveChangesAsync(ct);
        return Outcome.Saved(process.Id);
    }

    /// <summary>Keeps the rows of addresses that stay (so the audit log shows only what was added or removed).</summary>
    private void SetSources(Process process, IReadOnlyList<string> urls)
    {
        var wanted = urls.Select(u => u.Trim()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var source in process.Sources.Where(s => !wanted.Contains(s.Url)).ToList())
        {
            process.Sources.Remove(source);
            db.ProcessSources.Remove(source);
        }
        for (var i = 0; i < wanted.Count; i++)
        {
            var source = process.Sources.FirstOrDefault(s => s.Url == wanted[i]);
            if (source is null)
            {
                source = new ProcessSource { Url = wanted[i] };
                process.Sources.Add(source);
            }
            source.IsPrimary = i == 0;
        }
    }

    private async Task SetThemesAsync(Process process, IReadOnlyList<string> names, CancellationToken ct)
    {
        var wanted = names.Select(n => n.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // Few enough to read whole; matched without regard to case so that "Labour migration" finds "labour migration".
        var existing = await db.Themes.ToListAsync(ct);
        var themes = wanted.Select(name =>
            existing.FirstOrDefault(th => string.Equals(th.Name, name, StringComparison.OrdinalIgnoreCase)) ?? new Theme { Name = name }).ToList();
        process.Themes.RemoveAll(th => !themes.Contains(th));
        process.Themes.AddRange(themes.Where(th => !process.Themes.Contains(th)));
    }
}
