using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure;

namespace RcpHub.Features.Manage;

[Requires(Operation.EditProcessProfile)]
public sealed class ProfileModel(AppDbContext db, IStringLocalizer<ManageText> t, TimeProvider clock) : ManagePage(db, t)
{
    private readonly ProfileCommands _profile = new(db, t, clock);

    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    /// <summary>The sources as typed: one address per line, the first the primary source.</summary>
    [BindProperty]
    [MultiLine]
    public string? SourcesText { get; set; }

    [BindProperty]
    public string? NewTheme { get; set; }

    public IReadOnlyList<string> AllThemes { get; private set; } = [];

    public int ThisYear => clock.GetUtcNow().Year;

    public IEnumerable<SelectListItem> Kinds => Options<ProcessKind>(T.Label);
    public IEnumerable<SelectListItem> Statuses => Options<ProcessStatus>(T.Label, T["Not known"]);

    public async Task<IActionResult> OnGetAsync()
    {
        Input = (await _profile.ReadAsync(Process.Id))!;
        SourcesText = string.Join('\n', Input.Sources);
        AllThemes = await _profile.AllThemesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input.Sources = (SourcesText ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (!string.IsNullOrWhiteSpace(NewTheme))
        {
            Input.Themes.Add(NewTheme);
        }
        return await SubmitAsync(nameof(Input), () => _profile.SaveAsync(Process.Id, Input), _ => ManageUrl("profile"), () => T["The profile is saved."],
            async () =>
            {
                // The new theme stays in its own box until it is saved.
                Input.Themes.RemoveAll(th => th == NewTheme);
                AllThemes = await _profile.AllThemesAsync();
            });
    }
}
