using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Meetings;

public sealed record Choice(string Value, string Label);

/// <summary>What the scheduling and editing forms share: the input, the choices offered (states, bodies, processes,
/// time zones) and the checks, so that both pages and their partial <c>_MeetingFields</c> stay one form.</summary>
public abstract class MeetingFormPage(AppDbContext db, IStringLocalizer<MeetingsText> t) : PageModel
{
    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    /// <summary>The process named by <c>{slug}</c>, as the request resolved it (and authorized on it).</summary>
    public AddressedProcess Process => HttpContext.AddressedProcess();
    public IReadOnlyList<Choice> States { get; private set; } = [];
    public IReadOnlyList<Choice> Bodies { get; private set; } = [];
    public IReadOnlyList<Choice> OtherProcesses { get; private set; } = [];
    public IReadOnlyList<Choice> Themes { get; private set; } = [];

    protected AppDbContext Db => db;
    protected IStringLocalizer<MeetingsText> Text => t;

    /// <summary>The choices the form offers (four queries).</summary>
    protected async Task<PageResult> FormAsync(CancellationToken ct)
    {
        States = [.. (await db.States.ChoicesAsync(null, ct)).Select(s => new Choice(s.Code, s.Name))];
        Bodies = await db.Bodies.AsNoTracking().Where(b => b.ProcessId == Process.Id).OrderBy(b => b.Name)
            .Select(b => new Choice(b.Id.ToString(), b.Name)).ToListAsync(ct);
        OtherProcesses = await db.Processes.AsNoTracking().Where(p => p.Id != Process.Id).OrderBy(p => p.Acronym)
            .Select(p => new Choice(p.Id.ToString(), p.Acronym + " — " + p.Name)).ToListAsync(ct);
        Themes = [.. (await ThemeTags.ChoicesAsync(db, ct)).Select(x => new Choice(x.Id.ToString(), x.Name))];
        return Page();
    }

    /// <summary>Runs the input's own checks on top of the attributes; the field messages go into ModelState.</summary>
    protected async Task<(bool Valid, DateTimeOffset Starts, DateTimeOffset Ends)> CheckAsync(CancellationToken ct)
    {
        var (errors, starts, ends) = await Input.CheckAsync(db, Process.Id, t, ct);
        foreach (var error in errors)
        {
            ModelState.AddModelError($"{nameof(Input)}.{error.Field}", error.Message);
        }
        return (ModelState.IsValid, starts, ends);
    }
}
