using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Calls;

/// <summary>/processes/{slug}/calls/edit/{callId?}: the secretariat writes a call, publishes it, and changes it after
/// publication with a reason that the applicants receive by mail.</summary>
[Requires(Operation.ManageCalls)]
public sealed class EditModel(CallDesk desk, MeetingReaders readers, IStringLocalizer<CallsText> t) : PageModel
{
    /// <summary>The form: the deadline on the clock of the person writing the call (their account's time zone).</summary>
    public sealed class CallForm
    {
        public string? Title { get; set; }
        [MultiLine] public string? Eligibility { get; set; }
        public int? Places { get; set; }
        public bool TravelFunded { get; set; }
        public DateTime? Deadline { get; set; }
        public SelectionMethod? Method { get; set; }
        public decimal? LotteryThreshold { get; set; }
        public int? AppealDays { get; set; }
        public int? MeetingId { get; set; }
        [MultiLine] public string? Criteria { get; set; }
        [MultiLine] public string? Targets { get; set; }
        [MultiLine] public string? Regions { get; set; }
        public string? Reason { get; set; }
    }

    [BindProperty]
    public CallForm Call { get; set; } = new();

    public AddressedProcess Process => HttpContext.AddressedProcess();
    public ParticipationCall? Existing { get; private set; }
    public IReadOnlyList<(int Id, string Title)> Meetings { get; private set; } = [];

    /// <summary>The zone the deadline is written in: the writer's.</summary>
    public string Zone { get; private set; } = TimeZones.Utc;

    public async Task<IActionResult> OnGetAsync(int? callId, CancellationToken ct)
    {
        Zone = TimeZones.ReaderZone(HttpContext, await readers.CurrentAsync(User));
        if (callId is { } id)
        {
            Existing = await desk.FindAsync(Process.Id, id, withDrafts: true, ct);
            if (Existing is null)
            {
                return NotFound();
            }
            Call = new CallForm
            {
                Title = Existing.Title,
                Eligibility = Existing.Eligibility,
                Places = Existing.Places,
                TravelFunded = Existing.TravelFunded,
                Deadline = TimeZones.InZone(Existing.Deadline, Zone).DateTime,
                Method = Existing.Method,
                LotteryThreshold = Existing.LotteryThreshold,
                AppealDays = Existing.AppealDays,
                MeetingId = Existing.MeetingId,
                Criteria = CallLines.Write(Existing.Criteria),
                Targets = CallLines.Write(Existing.Targets),
                Regions = CallLines.Write(Existing.Regions),
            };
        }
        else
        {
            Call = new CallForm { AppealDays = 14, Method = SelectionMethod.ScoreOptimal, Criteria = t["Relevance of the organisation's work | 3"] + "\n" + t["Reach of the organisation | 2"] };
        }
        Meetings = await desk.MeetingsAsync(Process.Id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? callId, CancellationToken ct)
    {
        if (callId is { } id && (Existing = await desk.FindAsync(Process.Id, id, withDrafts: true, ct)) is null)
        {
            return NotFound();
        }
        Zone = TimeZones.ReaderZone(HttpContext, await readers.CurrentAsync(User));
        DateTimeOffset? deadline = null;
        if (Call.Deadline is { } local && (deadline = TimeZones.ToUtc(local, Zone)) is null)
        {
            ModelState.AddModelError($"{nameof(Call)}.{nameof(CallForm.Deadline)}", t["This time does not exist on your clock ({0}): the clocks change then.", TimeZones.Label(Zone)]);
        }
        if (ModelState.IsValid)
        {
            var input = new CallInput
            {
                Title = Call.Title,
                Eligibility = Call.Eligibility,
                Places = Call.Places,
                TravelFunded = Call.TravelFunded,
                Deadline = deadline,
                Method = Call.Method,
                LotteryThreshold = Call.LotteryThreshold,
                AppealDays = Call.AppealDays,
                MeetingId = Call.MeetingId,
                Criteria = Call.Criteria,
                Targets = Call.Targets,
                Regions = Call.Regions,
                Reason = Call.Reason,
            };
            var outcome = await desk.SaveAsync(Process.Id, callId, ProcessAccess.UserIdOf(User)!, input, ct);
            if (outcome.IsNotFound)
            {
                return NotFound();
            }
            if (outcome.Succeeded)
            {
                this.Tell(Existing?.IsPublished == true ? t["The call is changed; its applicants are told why."] : t["The call is saved."]);
                return Redirect($"/processes/{Process.Slug}/calls/{outcome.Id}");
            }
            outcome.Errors.CopyTo(ModelState, nameof(Call));
        }
        Meetings = await desk.MeetingsAsync(Process.Id, ct);
        return Page();
    }
}
