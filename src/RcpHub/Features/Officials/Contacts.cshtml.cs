using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Officials;

/// <summary>/directory/contacts: the contact requests one received (to accept or decline) and sent, and one's contacts
/// with their addresses once accepted.</summary>
[Requires(Operation.UseDirectory)]
public sealed class ContactsModel(AppDbContext db, MeetingReaders readers, DirectoryDesk desk, IStringLocalizer<OfficialsText> t) : PageModel
{
    public IReadOnlyList<DirectoryContact> Contacts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostAcceptAsync(int id, CancellationToken ct) =>
        AnswerAsync(id, ContactAnswer.Accept, t["You accepted the request: you can now see each other's e-mail address."], ct);

    public Task<IActionResult> OnPostDeclineAsync(int id, CancellationToken ct) =>
        AnswerAsync(id, ContactAnswer.Decline, t["You declined the request: your e-mail address stays hidden."], ct);

    private async Task<IActionResult> AnswerAsync(int id, ContactAnswer answer, string done, CancellationToken ct)
    {
        var reader = await readers.CurrentAsync(User);
        var outcome = await desk.AnswerAsync(reader.UserId!, id, new ContactAnswerInput { Answer = answer }, ct);
        if (outcome.IsNotFound)
        {
            return NotFound();
        }
        if (!outcome.Succeeded)
        {
            await LoadAsync(ct);
            outcome.Errors.CopyTo(ModelState, "");
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        this.Tell(done);
        return Redirect("/directory/contacts");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var reader = await readers.CurrentAsync(User);
        Contacts = await DirectoryQueries.ContactsAsync(db, reader.UserId!, null, ct);
    }
}
