using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Manage;

/// <summary>What every page of a process's management has: the process named by <c>{slug}</c> and the one-line
/// notice that a saved form leaves for the next page.</summary>
public abstract class ManagePage(AppDbContext db, IStringLocalizer<ManageText> t) : PageModel
{
    protected AppDbContext Db => db;
    protected IStringLocalizer<ManageText> T => t;

    /// <summary>The process named by <c>{slug}</c>, as the request resolved it (and authorized on it).</summary>
    public AddressedProcess Process => HttpContext.AddressedProcess();

    protected string ManageUrl(string page = "") => $"/processes/{Process.Slug}/manage{(page.Length == 0 ? "" : "/" + page)}";

    /// <summary>Runs a form's command once the page has loaded what it shows: nothing there → 404; refused → the page
    /// again with the messages under the form's <paramref name="prefix"/> (after <paramref name="reload"/>); saved → on
    /// to <paramref name="next"/> with <paramref name="notice"/>.</summary>
    protected async Task<IActionResult> SubmitAsync(
        string prefix, Func<Task<Outcome>> command, Func<Outcome, string> next, Func<string> notice, Func<Task>? reload = null)
    {
        if (!ModelState.ReplaceUnreadable(t["Enter a valid value."]))
        {
            var outcome = await command();
            if (outcome.IsNotFound)
            {
                return NotFound();
            }
            if (outcome.Succeeded)
            {
                this.Tell(notice());
                return Redirect(next(outcome));
            }
            outcome.Errors.CopyTo(ModelState, prefix);
        }
        if (reload is not null)
        {
            await reload();
        }
        return Page();
    }

    protected static IEnumerable<SelectListItem> Options(IEnumerable<Choice> choices, string? emptyLabel = null)
    {
        if (emptyLabel is not null)
        {
            yield return new SelectListItem(emptyLabel, "");
        }
        foreach (var choice in choices)
        {
            yield return new SelectListItem(choice.Label, choice.Value);
        }
    }

    protected static IEnumerable<SelectListItem> Options<TEnum>(Func<TEnum, string> label, string? emptyLabel = null)
        where TEnum : struct, Enum =>
        Options(Enum.GetValues<TEnum>().Select(v => new Choice(v.ToString(), label(v))), emptyLabel);
}
