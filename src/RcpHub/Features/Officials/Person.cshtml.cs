using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Officials;

/// <summary>/directory/people/{person}: an official's profile for the officials of the processes they share (404 for
/// anyone else, as for a person who does not exist or who left the directory), with the way to ask them for contact and,
/// once they accepted, their e-mail address.</summary>
[Requires(Operation.UseDirectory)]
public sealed class PersonModel(AppDbContext db, MeetingReaders readers, DirectoryDesk desk, TimeProvider clock, IStringLocalizer<OfficialsText> t) : PageModel
{
    public DirectoryPerson Person { get; private set; } = null!;

    [BindProperty]
    public ContactRequestInput Contact { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string person, CancellationToken ct) => await ShowAsync(person, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostRequestAsync(string person, CancellationToken ct)
    {
        var reader = await readers.CurrentAsync(User);
        var outcome = await desk.RequestContactAsync(reader, person, Contact, ct);
        if (!outcome.Succeeded)
        {
            if (!await ShowAsync(person, ct))
            {
                return NotFound();
            }
            outcome.Errors.CopyTo(ModelState, nameof(Contact));
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        this.Tell(t["Your request is sent. Their e-mail address is shown here once they accept."]);
        return Redirect($"/directory/people/{Uri.EscapeDataString(person)}");
    }

    private async Task<bool> ShowAsync(string person, CancellationToken ct)
    {
        var reader = await readers.CurrentAsync(User);
        if (await DirectoryQueries.PersonAsync(db, reader, person, clock.Today(), Cultures.Current, ct) is not { } found)
        {
            return false;
        }
        Person = found;
        return true;
    }
}
