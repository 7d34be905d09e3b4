using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Officials;

/// <summary>/directory/profile: one's own profile in the directory (ministry, position, files, languages), the processes
/// and bodies one's roles place one in, and the choice to be left out of the directory.</summary>
[Requires(Operation.UseDirectory)]
public sealed class ProfileModel(AppDbContext db, MeetingReaders readers, DirectoryDesk desk, TimeProvider clock, IStringLocalizer<OfficialsText> t) : PageModel
{
    public DirectoryOwnProfile Own { get; private set; } = null!;
    public IReadOnlyList<ThemeName> Themes { get; private set; } = [];

    [BindProperty]
    public DirectoryProfileInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input = DirectoryProfileInput.From(Own);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var reader = await readers.CurrentAsync(User);
        var outcome = await desk.SaveProfileAsync(reader.UserId!, Input, ct);
        if (!outcome.Succeeded)
        {
            await LoadAsync(ct);
            outcome.Errors.CopyTo(ModelState, nameof(Input));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        this.Tell(Input.LeftOut ? t["Your profile is saved. You are left out of the directory: nobody finds you there."] : t["Your profile is saved."]);
        return Redirect("/directory/profile");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var reader = await readers.CurrentAsync(User);
        Own = await DirectoryQueries.OwnAsync(db, reader, clock.Today(), Cultures.Current, ct);
        Themes = await ThemeTags.ChoicesAsync(db, ct);
    }
}
