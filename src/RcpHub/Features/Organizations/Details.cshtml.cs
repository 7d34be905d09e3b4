using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Audit;
using RcpHub.Features.Meetings;
using RcpHub.Features.Processes;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;
using RcpHub.Infrastructure.Email;

namespace RcpHub.Features.Organizations;

/// <summary>An organization's role in each process: member, observer, technical secretariat, host of the secretariat, support project.
/// For a civil society organisation, its registry entry too, and the processes and meetings it took part in (as far as
/// the reader may see them); its contact people, evidence and the verification note for its representatives and the
/// secretariats, who verify it here.</summary>
[Requires(Operation.ViewPublicRegistry)]
public sealed class DetailsModel(AppDbContext db, TimeProvider time, MeetingReaders readers, IStringLocalizer<OrganizationsText> t,
    Outbox outbox, IConfiguration configuration) : PageModel
{
    public OrganizationDetails Organization { get; private set; } = null!;
    public RegistryFacts? Facts { get; private set; }
    public IReadOnlyList<ParticipationProcess> Processes { get; private set; } = [];
    public IReadOnlyList<ParticipationMeeting> Meetings { get; private set; } = [];

    /// <summary>For its representatives, secretariats and platform administrators only.</summary>
    public RegistryContacts? Contacts { get; private set; }
    public bool MayVerify { get; private set; }
    public IReadOnlyDictionary<string, string> Countries { get; private set; } = new Dictionary<string, string>();

    public string CountryName(string code) => Countries.GetValueOrDefault(code) ?? code;

    [BindProperty]
    public VerificationInput Verification { get; set; } = new();

    [BindProperty]
    public ContactInput Contact { get; set; } = new();

    /// <summary>The contact person the page is asked to remove (?remove={id}): it asks first.</summary>
    [BindProperty(SupportsGet = true, Name = "remove")]
    public int? Removing { get; set; }

    /// <summary>For the secretariats: the changes the entry's people made to it since it was verified, from the audit.</summary>
    public IReadOnlyList<AuditRow> ChangesSinceVerification { get; private set; } = [];
    public AuditNames ChangeNames { get; private set; } = AuditNames.None;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) =>
        await LoadAsync(slug, ct) ? Page() : NotFound();

    /// <summary>Downloads one evidence file: for the organisation's representatives, secretariats and administrators.</summary>
    public async Task<IActionResult> OnGetEvidenceAsync(string slug, int fileId, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        if (!await LoadAsync(slug, ct) || Facts is null)
        {
            return NotFound();
        }
        if (Contacts is null)
        {
            return Forbid();
        }
        var file = await CivilSocietyDirectory.EvidenceAsync(db, Organization.Slug, fileId, ct);
        return file is null ? NotFound() : File(file.Bytes, file.ContentType, file.FileName);
    }

    [HandlerRequires(Operation.VerifyOrganizations)]
    public async Task<IActionResult> OnPostVerifyAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct) || Facts is null)
        {
            return NotFound();
        }
        var outcome = await OrganizationRegistry.VerifyAsync(db, time, t, outbox, configuration, Organization.Slug, Verification, ProcessAccess.UserIdOf(User)!, ct);
        if (!outcome.Saved)
        {
            foreach (var (field, messages) in outcome.Errors)
            {
                ModelState.AddModelError($"{nameof(Verification)}.{field}", messages[0]);
            }
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        this.Tell(Verification.Decision == VerificationStatus.Verified ? t["The organisation is verified."] : t["The decision is recorded."]);
        return Redirect($"/organizations/{Organization.Slug}");
    }

    /// <summary>Its representatives (and the secretariats) add a contact person; anyone else signed in is refused.</summary>
    [HandlerRequires(Operation.RegisterOrganization)]
    public async Task<IActionResult> OnPostAddContactAsync(string slug, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct) || Facts is null)
        {
            return NotFound();
        }
        if (Contacts is null)
        {
            return Forbid();
        }
        var outcome = await OrganizationRegistry.AddContactAsync(db, time, t, OrganizationId, Organization.Slug, Contact, ct);
        if (!outcome.Saved)
        {
            ModelState.AddModelError($"{nameof(Contact)}.{nameof(ContactInput.Email)}", outcome.Errors.Values.First()[0]);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        this.Tell(t["The contact person is added."]);
        return Redirect($"/organizations/{Organization.Slug}#contacts");
    }

    /// <summary>Removes a contact person, after the question the page asks; never the last one.</summary>
    [HandlerRequires(Operation.RegisterOrganization)]
    public async Task<IActionResult> OnPostRemoveContactAsync(string slug, int contactId, CancellationToken ct)
    {
        if (!await LoadAsync(slug, ct) || Facts is null)
        {
            return NotFound();
        }
        if (Contacts is null)
        {
            return Forbid();
        }
        var removed = Contacts.People.FirstOrDefault(c => c.Id == contactId);
        var outcome = await OrganizationRegistry.RemoveContactAsync(db, time, t, OrganizationId, Organization.Slug, contactId, ct);
        if (outcome is null || removed is null)
        {
            return NotFound();
        }
        if (!outcome.Saved)
        {
            ModelState.AddModelError("ContactId", outcome.Errors.Values.First()[0]);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        this.Tell(t["{0} is no longer a contact person of the organisation.", removed.DisplayName]);
        return Redirect($"/organizations/{Organization.Slug}#contacts");
    }

    /// <summary>The question asked before removing a contact person; "Cancel" leads back to the list.</summary>
    public RemovalQuestion? RemovalQuestion => Contacts?.People.FirstOrDefault(c => c.Id == Removing) is { } c
        ? new(t["Remove {0} as a contact person? They will no longer act for the organisation.", c.DisplayName], t["Remove"], "RemoveContact",
            new() { ["contactId"] = c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, $"/organizations/{Organization.Slug}#contacts")
        : null;

    private int OrganizationId { get; set; }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var organization = await OrganizationQueries.LoadAsync(db, slug, time.Today(), ct);
        if (organization is null)
        {
            return false;
        }
        Organization = organization;
        if (await CivilSocietyDirectory.FactsAsync(db, organization.Slug, ct) is not { } registry)
        {
            return true;
        }
        Facts = registry.Facts;
        OrganizationId = registry.Id;
        Countries = await CivilSocietyDirectory.CountryNamesAsync(db, registry.Facts.CountryCodes, ct);
        var reader = await readers.CurrentAsync(User);
        (var processes, Meetings) = await CivilSocietyDirectory.ParticipationAsync(db, registry.Id, reader, ct);
        Processes = processes;
        MayVerify = AccessRules.MayVerifyOrganizations(reader.IsPlatformAdministrator, reader.Roles.Select(r => r.Role));
        if (await OrganizationRegistry.MayLookAfterAsync(db, reader, registry.Id, ct))
        {
            Contacts = await CivilSocietyDirectory.ContactsAsync(db, registry.Id, registry.Note, ct);
        }
        if (MayVerify && Facts.Verification == VerificationStatus.Verified && Facts.VerifiedAt is { } verifiedAt)
        {
            var entries = await AuditLog.ReadAsync(db, new AuditFilter(EntityType: nameof(Domain.Organization),
                EntityId: registry.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
            // The verification itself is a change of the entry too: only what came after it is news to the secretariat.
            ChangesSinceVerification = [.. entries.Entries.Where(e => e.At > verifiedAt && e.Action == "Modified"
                && e.Changes.Any(c => c.Field is not (nameof(Domain.Organization.Verification) or nameof(Domain.Organization.VerifiedAt) or nameof(Domain.Organization.VerificationNote) or nameof(Domain.Organization.VerifiedByUserId))))];
            if (ChangesSinceVerification.Count > 0)
            {
                ChangeNames = await AuditSentences.NamesAsync(db, ChangesSinceVerification, ct);
            }
        }
        Verification.Decision ??= Facts.Verification == VerificationStatus.Pending ? VerificationStatus.Verified : Facts.Verification;
        return true;
    }
}
