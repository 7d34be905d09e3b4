using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RcpHub.Domain;
using RcpHub.Features.Delegations;
using RcpHub.Infrastructure.Email;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;
using static RcpHub.IntegrationTests.Features.Delegations.ArrangeDelegations;

namespace RcpHub.IntegrationTests.Features.Delegations;

/// <summary>Telling people: every mail in its recipient's language, recorded in the outbox and sent once, through a
/// real SMTP server; invitations and cancellations with their calendar entry; reminders; retries.</summary>
public sealed class MeetingMailTests : MailingTests
{
    private int _midsa;
    private AppUser _secretariat = null!, _southAfrica = null!, _mozambique = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _midsa = await Arrange.ProcessIdAsync(Factory, "midsa");
        _secretariat = await TestSignIn.CreateUserAsync(Factory, "secretariat@midsa.example", roles: new ReaderRole(_midsa, ProcessRole.Secretariat));
        _southAfrica = await TestSignIn.CreateUserAsync(Factory, "focal.point@za.example", roles: new ReaderRole(_midsa, ProcessRole.FocalPoint, "ZAF"));
        _mozambique = await TestSignIn.CreateUserAsync(Factory, "focal.point@mz.example", roles: new ReaderRole(_midsa, ProcessRole.FocalPoint, "MOZ"));

        // Mozambique's focal point reads French: they say so on their account page.
        using var mozambique = await TestSignIn.HtmlClientAsync(Factory, _mozambique);
        var account = await mozambique.GetAsync("/account");
        var saved = await mozambique.SubmitAsync(account, "#mail-language", new Dictionary<string, string> { ["MailLanguage"] = "fr" });
        Assert.Contains("Français", saved.Text("p.notice.ok"), StringComparison.Ordinal);
    }

    private static string Lines(MailAttachment attachment) => attachment.Text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private Task<HtmlClient> SecretariatAsync() => TestSignIn.HtmlClientAsync(Factory, _secretariat);

    private async Task<HtmlClient.Page> SendInvitationAsync(HtmlClient secretariat, int meetingId)
    {
        var page = await secretariat.GetAsync($"/processes/midsa/meetings/{meetingId}/invitations");
        return await secretariat.SubmitAsync(page, "form.send-invitations", new Dictionary<string, string>());
    }

    [Fact]
    public async Task The_invitation_reaches_each_person_in_their_language_with_the_calendar_entry_and_only_once()
    {
        var meeting = await Arrange.MeetingAsync(Factory, _midsa, "Expert meeting on labour migration");
        using var secretariat = await SecretariatAsync();

        var sent = await SendInvitationAsync(secretariat, meeting.Id);

        Assert.Equal("The invitation is sent to 2 people.", sent.Text("p.notice.ok"));
        var french = await Smtp.WaitForMessageToAsync(_mozambique.Email!, MailWait);
        Assert.Equal("Invitation : Expert meeting on labour migration", french.Subject);
        Assert.StartsWith("Bonjour ", french.Body, StringComparison.Ordinal);
        var english = await Smtp.WaitForMessageToAsync(_southAfrica.Email!, MailWait);
        Assert.Equal("Invitation: Expert meeting on labour migration", english.Subject);
        var ics = Assert.Single(english.Attachments);
        Assert.Equal(("invitation.ics", "text/calendar"), (ics.FileName, ics.MediaType));
        Assert.Contains("\nMETHOD:REQUEST\n", Lines(ics), StringComparison.Ordinal);
        Assert.Contains($"\nUID:meeting-{meeting.Id}@", Lines(ics), StringComparison.Ordinal);

        // A second click sends nothing again, and the page lists who was sent what.
        var again = await SendInvitationAsync(secretariat, meeting.Id);
        Assert.Equal("Everyone listed already has this invitation: nothing was sent again.", again.Text("p.notice.ok"));
        var rows = again.Document.QuerySelectorAll("table.sent-mail tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains(_mozambique.Email!, StringComparison.Ordinal) && r.Contains("Invitation to the meeting", StringComparison.Ordinal)
            && r.Contains("Français", StringComparison.Ordinal) && r.Contains("UTC", StringComparison.Ordinal));
        await using var scope = Factory.Scope();
        Assert.Equal(2, await scope.Db.OutboxMessages.CountAsync(m => m.MeetingId == meeting.Id));
        // Member states of MIDSA whose focal point has no account are named: nobody there would receive the invitation.
        Assert.DoesNotContain("Mozambique", again.Text("#no-focal-point"), StringComparison.Ordinal);
        Assert.Contains("Angola", again.Text("#no-focal-point"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_asks_for_a_reason_and_mails_it_with_a_calendar_cancellation()
    {
        var meeting = await Arrange.MeetingAsync(Factory, _midsa, "Ministerial conference");
        using var secretariat = await SecretariatAsync();
        await SendInvitationAsync(secretariat, meeting.Id);
        await Smtp.WaitForMessageToAsync(_southAfrica.Email!, MailWait);

        var edit = await secretariat.GetAsync($"/processes/midsa/meetings/{meeting.Id}/edit");
        var refused = await secretariat.SubmitAsync(edit, "#cancel-meeting", new Dictionary<string, string> { ["CancellationReason"] = " " });
        Assert.Contains("Say why the meeting is cancelled", refused.Html, StringComparison.Ordinal);
        await using (var scope = Factory.Scope())
        {
            Assert.Equal(MeetingStatus.InvitationsSent, await scope.Db.Meetings.Where(m => m.Id == meeting.Id).Select(m => m.Status).SingleAsync());
        }

        var cancelled = await secretariat.SubmitAsync(edit, "#cancel-meeting",
            new Dictionary<string, string> { ["CancellationReason"] = "The host state asked to move the conference to next year." });
        Assert.Equal("The meeting is cancelled. 2 people are told.", cancelled.Text("p.notice.ok"));
        var notice = await Smtp.WaitForMessageToAsync(_southAfrica.Email!, MailWait);
        Assert.Equal("Cancelled: Ministerial conference", notice.Subject);
        Assert.Contains("The host state asked to move the conference to next year.", notice.Body, StringComparison.Ordinal);
        var ics = Assert.Single(notice.Attachments);
        Assert.Contains("\nMETHOD:CANCEL\n", Lines(ics), StringComparison.Ordinal);
        Assert.Contains("\nSTATUS:CANCELLED\n", Lines(ics), StringComparison.Ordinal);
        var french = await Smtp.WaitForMessageToAsync(_mozambique.Email!, MailWait);
        Assert.DoesNotContain("Cancelled", french.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Returning_a_delegation_mails_the_note_to_that_states_focal_points()
    {
        var meeting = await Arrange.MeetingAsync(Factory, _midsa, "Senior officials' meeting");
        var delegation = await DelegationAsync(Factory, meeting.Id, "ZAF", _southAfrica.Id, DelegationStatus.Registered,
            Delegate("Thandiwe Nkosi", "Department of Home Affairs", Gender.Woman, head: true));
        using var secretariat = await SecretariatAsync();
        var page = await secretariat.GetAsync($"/meetings/{meeting.Id}/participants");

        var returned = await secretariat.SubmitAsync(page, $"#delegation-{delegation} form.return",
            new Dictionary<string, string> { ["ReturnNote"] = "Add the head of delegation's function." });

        Assert.Equal("The delegation is returned for correction. 1 person is told.", returned.Text("p.notice.ok"));
        var mail = await Smtp.WaitForMessageToAsync(_southAfrica.Email!, MailWait);
        Assert.Contains("Add the head of delegation's function.", mail.Body, StringComparison.Ordinal);
        Assert.Contains("South Africa", mail.Body, StringComparison.Ordinal);
        Assert.False(await Smtp.HasMessageToAsync(_mozambique.Email!));

        page = await secretariat.GetAsync($"/meetings/{meeting.Id}/participants");
        var confirmed = await secretariat.SubmitAsync(page, $"#delegation-{delegation} form.confirm", new Dictionary<string, string>());
        Assert.Equal("The delegation is confirmed. 1 person is told.", confirmed.Text("p.notice.ok"));
        Assert.Contains("confirmed", (await Smtp.WaitForMessageToAsync(_southAfrica.Email!, MailWait)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_document_is_mailed_to_those_who_may_read_it_in_their_language()
    {
        var meeting = await Arrange.MeetingAsync(Factory, _midsa, "Expert meeting on remittances");
        using var api = await TestSignIn.HttpClientAsync(Factory, _secretariat);

        async Task<System.Net.HttpStatusCode> UploadAsync(string title, string access)
        {
            using var body = new MultipartFormDataContent
            {
                { new StringContent(title), "title" },
                { new StringContent(access), "access" },
                { new ByteArrayContent(RcpHub.IntegrationTests.Features.Documents.DocumentFiles.Pdf(title)), "file", "paper.pdf" },
            };
            using var response = await api.PostAsync($"/api/v1/processes/midsa/meetings/{meeting.Id}/documents", body);
            return response.StatusCode;
        }

        // A paper for the secretariat alone tells nobody.
        Assert.Equal(System.Net.HttpStatusCode.Created, await UploadAsync("Budget notes", "Secretariat"));
        Assert.Equal(System.Net.HttpStatusCode.Created, await UploadAsync("Concept note", "Meeting"));

        var french = await Smtp.WaitForMessageToAsync(_mozambique.Email!, MailWait);
        Assert.Equal("Nouveau document : Expert meeting on remittances", french.Subject);
        Assert.Contains("Concept note", french.Body, StringComparison.Ordinal);
        var english = await Smtp.WaitForMessageToAsync(_southAfrica.Email!, MailWait);
        Assert.Equal("New document: Expert meeting on remittances", english.Subject);
        Assert.Contains("/documents/", english.Body, StringComparison.Ordinal);
        await using var scope = Factory.Scope();
        var kinds = await scope.Db.OutboxMessages.Where(m => m.MeetingId == meeting.Id).Select(m => m.Kind).ToListAsync();
        Assert.Equal([MailKind.DocumentAdded, MailKind.DocumentAdded], kinds);
    }

    [Fact]
    public async Task A_reminder_is_queued_once_however_often_the_finder_runs()
    {
        var meeting = await Arrange.MeetingAsync(Factory, _midsa, "Technical workshop", daysFromNow: 1,
            configure: m => m.Status = MeetingStatus.InvitationsSent);
        var later = await Arrange.MeetingAsync(Factory, _midsa, "Workshop next month", daysFromNow: 30,
            configure: m => m.Status = MeetingStatus.InvitationsSent);

        for (var run = 0; run < 2; run++)
        {
            await using var scope = Factory.Scope();
            var finders = scope.Services.GetServices<IDueMail>().ToList();
            foreach (var finder in finders)
            {
                await finder.EnqueueDueAsync(TestContext.Current.CancellationToken);
            }
        }

        await using (var scope = Factory.Scope())
        {
            var reminders = await scope.Db.OutboxMessages.Where(m => m.Kind == MailKind.MeetingReminder).ToListAsync();
            Assert.Equal([(meeting.Id, _mozambique.Email!), (meeting.Id, _southAfrica.Email!)],
                reminders.Select(r => (r.MeetingId!.Value, r.Email)).Order());
            Assert.All(reminders, r => Assert.NotNull(r.SentAt));
            Assert.DoesNotContain(reminders, r => r.MeetingId == later.Id);
        }
        var mail = await Smtp.WaitForMessageToAsync(_southAfrica.Email!, MailWait);
        Assert.Equal("Reminder: Technical workshop", mail.Subject);
    }

    [Fact]
    public async Task A_mail_that_failed_is_sent_again_by_the_dispatcher()
    {
        await using (var scope = Factory.Scope())
        {
            scope.Db.OutboxMessages.Add(new OutboxMessage
            {
                Email = _southAfrica.Email!,
                Language = "en",
                Kind = MailKind.MeetingChanged,
                Subject = "Changed: Expert meeting",
                Body = "The meeting moved.",
                IdempotencyKey = "test:failed-once",
                CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
                Attempts = 1,
                LastError = "Connection refused",
                // The pause after the failure is over.
                ClaimedUntil = DateTimeOffset.UtcNow.AddMinutes(-1),
            });
            await scope.Db.SaveChangesAsync();
        }

        await MailDispatcher.RunOnceAsync(Factory.Services.GetRequiredService<IServiceScopeFactory>(), TestContext.Current.CancellationToken);

        var mail = await Smtp.WaitForMessageToAsync(_southAfrica.Email!, MailWait);
        Assert.Equal("Changed: Expert meeting", mail.Subject);
        await using (var scope = Factory.Scope())
        {
            var row = await scope.Db.OutboxMessages.SingleAsync(m => m.IdempotencyKey == "test:failed-once");
            Assert.Equal((2, (string?)null), (row.Attempts, row.LastError));
            Assert.NotNull(row.SentAt);
        }
    }
}
