using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Shared;

/// <summary>The authorization matrix: every page handler and API endpoint of the running application × every kind of
/// reader (anonymous, signed in without a role, each role of the process, each role of another process, a revoked
/// role, a focal point whose state has left, a platform administrator) × the process's own address, other spellings
/// of it, and another process's address holding this process's ids. The expected outcome of every cell follows from
/// the table below, which names who may use each page and endpoint; the test fails on any cell that differs and on
/// any page or endpoint missing from the table.
/// <para>Changes are never made for real: readers who may make one are shown to pass authorization by a request that
/// fails right after it (a form without its antiforgery token, an unreadable JSON body, an id that does not exist),
/// and readers who may not are sent a complete request, which must be refused.</para></summary>
public sealed partial class AuthorizationMatrixTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        await PageCatalogue.PrepareAsync(_factory);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>The readers of the matrix.</summary>
    private enum Reader
    {
        Anonymous,
        NoRole,
        Administrator,
        Secretariat,
        Chair,
        FocalPoint,
        Observer,
        CivilSociety,
        OtherSecretariat,
        OtherChair,
        OtherFocalPoint,
        OtherObserver,
        OtherCivilSociety,
        RevokedSecretariat,
        FormerStateFocalPoint,
    }

    /// <summary>Who may use a page or endpoint of the demo process.</summary>
    private static readonly Reader[] Everyone = Enum.GetValues<Reader>();
    private static readonly Reader[] SignedIn = [.. Everyone.Where(r => r != Reader.Anonymous)];
    private static readonly Reader[] Administrators = [Reader.Administrator];
    private static readonly Reader[] Secretariat = [Reader.Administrator, Reader.Secretariat];
    private static readonly Reader[] Organisers = [Reader.Administrator, Reader.Secretariat, Reader.Chair];
    private static readonly Reader[] Participants = [Reader.Administrator, Reader.Secretariat, Reader.Chair, Reader.FocalPoint, Reader.Observer, Reader.CivilSociety];
    private static readonly Reader[] Speakers = [Reader.Administrator, Reader.Chair, Reader.FocalPoint, Reader.Observer, Reader.CivilSociety];
    /// <summary>The sample session's rapporteur is the demo focal point.</summary>
    private static readonly Rule ReportWriters = new([Reader.Administrator, Reader.Secretariat, Reader.FocalPoint], Rapporteur: Reader.FocalPoint);
    /// <summary>Those who comment on a draft output: its organisers and the member states' focal points.</summary>
    private static readonly Reader[] OutputCommenters = [Reader.Administrator, Reader.Secretariat, Reader.Chair, Reader.FocalPoint];
    /// <summary>Those who see the sample meeting, a members-only meeting of the demo process.</summary>
    private static readonly Reader[] MeetingMembers = [Reader.Administrator, Reader.Secretariat, Reader.Chair, Reader.FocalPoint];
    /// <summary>Those who record policy changes: the secretariat, and the demo focal point for its state (the sample change is Morocco's).</summary>
    private static readonly Reader[] PolicyRecorders = [Reader.Administrator, Reader.Secretariat, Reader.FocalPoint];
    /// <summary>Those who read follow-up state by state (Operation.ViewFollowUp; the demo focal point is Morocco's, the sample state).</summary>
    private static readonly Reader[] FollowUpReaders = [Reader.Administrator, Reader.Secretariat, Reader.Chair, Reader.FocalPoint];
    /// <summary>Those who pass the "report" operation: the state's own focal point is then checked by the page itself.</summary>
    private static readonly Reader[] FollowUpReporters = [Reader.Administrator, Reader.FocalPoint];
    /// <summary>Those who verify civil society organisations: the secretariat of any process, and administrators.</summary>
    private static readonly Reader[] Secretariats = [Reader.Administrator, Reader.Secretariat, Reader.OtherSecretariat];

    /// <summary>Those who read a process's civil society caucus (decision 0025), and those who take part in it.</summary>
    private static readonly Reader[] CaucusReaders = [Reader.Administrator, Reader.Secretariat, Reader.CivilSociety];
    private static readonly Reader[] CaucusMembers = [Reader.Administrator, Reader.CivilSociety];

    /// <summary>Those who read the sample application of the demo call: the call's secretariat, its panel (the demo chair is
    /// on it), and the demo civil society account, which acts for the applying organisation.</summary>
    private static readonly Reader[] ApplicationReaders = [Reader.Administrator, Reader.Secretariat, Reader.Chair, Reader.CivilSociety];
    /// <summary>Those who see the demo call's panel page: its secretariat and its panel (the demo secretariat and chair).</summary>
    private static readonly Reader[] CallPanel = [Reader.Administrator, Reader.Secretariat, Reader.Chair];

    /// <summary>Data requests between states (issue 12): read by the process's members, written and sent by its secretariat,
    /// answered by the focal points (each for their own state, checked by the command).</summary>
    private static readonly Reader[] DataRequestReaders = [Reader.Administrator, Reader.Secretariat, Reader.Chair, Reader.FocalPoint];
    private static readonly Reader[] DataRequestAnswerers = [Reader.Administrator, Reader.FocalPoint];
    /// <summary>Good practices (issue 12): submitted by focal points, civil society and the secretariat; commented on by the
    /// members; marked adapted by a member state's focal point. The sample practice is published and public.</summary>
    private static readonly Reader[] PracticeSubmitters = [Reader.Administrator, Reader.Secretariat, Reader.FocalPoint, Reader.CivilSociety];
    private static readonly Reader[] PracticeAdapters = [Reader.Administrator, Reader.FocalPoint];
    /// <summary>Directory of officials (issue 12): used by the officials (secretariat, chair, member-state focal points) of any
    /// process; the sample profile, the demo focal point's, is seen by the officials of the demo process only.</summary>
    private static readonly Reader[] Officials = [Reader.Administrator, Reader.Secretariat, Reader.Chair, Reader.FocalPoint,
        Reader.OtherSecretariat, Reader.OtherChair, Reader.OtherFocalPoint];
    private static readonly Reader[] DemoOfficials = [Reader.Administrator, Reader.Secretariat, Reader.Chair, Reader.FocalPoint];

    /// <param name="Readers">Who is admitted: the others are asked to sign in (anonymous) or refused (401, 403).</param>
    /// <param name="Then">For those admitted to a page or endpoint that shows the sample meeting, those who may see it:
    /// the others are answered 404, exactly as for a meeting that does not exist.</param>
    /// <param name="Rapporteur">Admitted as the sample session's rapporteur, not by a role.</param>
    private sealed record Rule(Reader[] Readers, Reader[]? Then = null, Reader? Rapporteur = null)
    {
        public Reader[] Admitted => Then is null ? Readers : [.. Readers.Intersect(Then)];
    }

    private static Rule Open => new(Everyone);
    private static Rule Op(Reader[] readers) => new(readers);
    /// <summary>A public page or endpoint about the sample meeting: seen by its members, 404 to everyone else.</summary>
    private static Rule Meeting => new(Everyone, MeetingMembers);
    /// <summary>A form on a public page about the sample meeting that only some may use.</summary>
    private static Rule MeetingForm(Reader[] readers) => new(readers, MeetingMembers);
    /// <summary>A page for signed-in people about the sample meeting (the live floor).</summary>
    private static Rule SignedInMeeting(Reader[] readers) => new(readers, MeetingMembers);

    /// <summary>The declared table: "METHOD /route" (pages: "GET /route?handler=Name" for a named handler).</summary>
    private static readonly Dictionary<string, Rule> Table = new(StringComparer.Ordinal)
    {
        // Public pages.
        ["GET /"] = Open,
        ["GET /account/accept-invitation"] = Open,
        ["POST /account/accept-invitation?handler=Accept"] = Open,
        ["POST /account/accept-invitation?handler=Create"] = Open,
        ["GET /account/access-denied"] = Open,
        ["GET /account/forgot-password"] = Open,
        ["POST /account/forgot-password"] = Open,
        ["GET /account/reset-password"] = Open,
        ["POST /account/reset-password"] = Open,
        ["GET /account/sign-in"] = Open,
        ["POST /account/sign-in"] = Open,
        ["GET /account/sign-in-2fa"] = Open,
        ["POST /account/sign-in-2fa"] = Open,
        ["GET /account/sign-out"] = Open,
        ["POST /account/sign-out"] = Open,
        ["GET /calendar/{token}.ics"] = Open,
        ["GET /error"] = Open,
        ["POST /error"] = Open,
        ["GET /global-meetings"] = Open,
        ["GET /language"] = Open,
        ["POST /language"] = Open,
        ["GET /map"] = Open,
        ["GET /organizations"] = Open,
        ["GET /organizations/{slug}"] = Open,
        // Civil society registry and participation metrics (issue 11). The sample organisation (IOM) is not in the civil
        // society registry: its evidence is "not found" to everyone signed in (the page itself then admits only the
        // organisation's representatives, secretariats and administrators).
        ["GET /organizations/civil-society"] = Open,
        ["GET /organizations/register"] = Op(SignedIn),
        ["POST /organizations/register"] = Op(SignedIn),
        ["GET /organizations/{slug}?handler=Evidence"] = Op(SignedIn),
        ["POST /organizations/{slug}?handler=Verify"] = Op(Secretariats),
        ["POST /organizations/{slug}?handler=AddContact"] = Op(SignedIn),
        // Contact people and the entry looked after by its people (issue 11, csodetails).
        ["POST /organizations/{slug}?handler=RemoveContact"] = Op(SignedIn),
        ["GET /organizations/{slug}/edit"] = Op(SignedIn),
        ["POST /organizations/{slug}/edit"] = Op(SignedIn),
        ["GET /participation"] = Open,
        ["GET /api/v1/participation"] = Open,
        ["GET /api/v1/civil-society/organizations/"] = Open,
        ["GET /api/v1/civil-society/organizations/{slug}"] = Open,
        ["POST /api/v1/civil-society/organizations/"] = Op(SignedIn),
        ["POST /api/v1/civil-society/organizations/{slug}/verification"] = Op(Secretariats),
        ["POST /api/v1/civil-society/organizations/{slug}/contacts"] = Op(SignedIn),
        ["GET /api/v1/civil-society/organizations/{slug}/contacts"] = Op(SignedIn),
        ["DELETE /api/v1/civil-society/organizations/{slug}/contacts/{contactId:int}"] = Op(SignedIn),
        ["PUT /api/v1/civil-society/organizations/{slug}"] = Op(SignedIn),
        ["GET /processes"] = Open,
        ["GET /processes/{slug}"] = Open,
        ["GET /processes/{slug}/calendar.ics"] = Open,
        ["GET /processes/{slug}/map"] = Open,
        ["GET /processes/{slug}/impact"] = Open,
        ["GET /processes/{slug}/accountability"] = Open,
        ["GET /processes/{slug}/meetings"] = Open,
        ["GET /search"] = Open,
        ["GET /states"] = Open,
        ["GET /states/{code}"] = Open,
        ["GET /time-zone"] = Open,
        ["GET /api-reference"] = Open,
        ["GET /gcm"] = Open,
        ["GET /gcm/{number:int}"] = Open,
        ["GET /sdg"] = Open,
        ["GET /sdg/{code}"] = Open,

        // One's own account.
        ["GET /account"] = Op(SignedIn),
        ["POST /account?handler=TimeZone"] = Op(SignedIn),
        ["POST /account?handler=Language"] = Op(SignedIn),
        ["GET /account/change-password"] = Op(SignedIn),
        ["POST /account/change-password"] = Op(SignedIn),
        ["GET /account/two-factor"] = Op(SignedIn),
        ["POST /account/two-factor?handler=Disable"] = Op(SignedIn),
        ["POST /account/two-factor?handler=Enable"] = Op(SignedIn),
        ["POST /account/two-factor?handler=RecoveryCodes"] = Op(SignedIn),
        ["GET /calendar"] = Op(SignedIn),
        ["GET /my"] = Op(SignedIn),
        ["POST /calendar?handler=Make"] = Op(SignedIn),
        ["POST /calendar?handler=Revoke"] = Op(SignedIn),
        // Saved searches (issue 12): one's own; the stop link of their weekly mail works without signing in.
        ["GET /my/saved-searches"] = Op(SignedIn),
        ["POST /my/saved-searches?handler=Remove"] = Op(SignedIn),
        ["POST /my/saved-searches?handler=Weekly"] = Op(SignedIn),
        ["GET /my/saved-searches/new"] = Op(SignedIn),
        ["POST /my/saved-searches/new"] = Op(SignedIn),
        ["GET /saved-searches/stop/{token}"] = Open,
        ["POST /saved-searches/stop/{token}"] = Open,
        ["GET /api/v1/saved-searches/"] = Op(SignedIn),
        ["POST /api/v1/saved-searches/"] = Op(SignedIn),
        ["DELETE /api/v1/saved-searches/{id:int}"] = Op(SignedIn),

        // The platform's administration.
        ["GET /admin/audit"] = Op(Administrators),
        ["GET /admin/invitations"] = Op(Administrators),
        ["POST /admin/invitations?handler=Invite"] = Op(Administrators),
        ["POST /admin/invitations?handler=Revoke"] = Op(Administrators),

        // A meeting, seen by its audience.
        ["GET /meetings/{id:int}"] = Meeting,
        ["GET /meetings/{id:int}/documents"] = Meeting,
        ["GET /meetings/{id:int}/documents/{documentId:int}"] = Meeting,
        ["POST /meetings/{id:int}/documents/{documentId:int}?handler=Change"] = MeetingForm(Secretariat),
        ["POST /meetings/{id:int}/documents/{documentId:int}?handler=Delete"] = MeetingForm(Secretariat),
        ["POST /meetings/{id:int}/documents/{documentId:int}?handler=Status"] = MeetingForm(Secretariat),
        ["GET /meetings/{id:int}/participants"] = Meeting,
        ["GET /meetings/{id:int}/participants?handler=Csv"] = Meeting,
        ["GET /meetings/{id:int}/participants?handler=Xlsx"] = Meeting,
        ["POST /meetings/{id:int}/participants?handler=Confirm"] = MeetingForm(Secretariat),
        ["POST /meetings/{id:int}/participants?handler=Return"] = MeetingForm(Secretariat),
        ["GET /meetings/{id:int}/report"] = Meeting,
        ["POST /meetings/{id:int}/report"] = MeetingForm(Organisers),
        ["GET /meetings/{id:int}/report/print"] = Meeting,
        ["GET /meetings/{id:int}/report/print?handler=Pdf"] = Meeting,
        ["GET /meetings/{id:int}/sessions/{sessionId:int}/report"] = Meeting,
        ["POST /meetings/{id:int}/sessions/{sessionId:int}/report"] = ReportWriters with { Then = MeetingMembers },
        ["POST /meetings/{id:int}/sessions/{sessionId:int}/report?handler=Carry"] = MeetingForm(Secretariat),

        // Recommendations of an output (the sample output is members only), drafted by the secretariat.
        ["GET /processes/{slug}/outputs/{id:int}/recommendations/new"] = Op(Secretariat),
        ["POST /processes/{slug}/outputs/{id:int}/recommendations/new"] = Op(Secretariat),
        ["GET /processes/{slug}/outputs/{id:int}/recommendations/{number:int}"] = new(Everyone, MeetingMembers),
        ["GET /processes/{slug}/outputs/{id:int}/recommendations/{number:int}/edit"] = Op(Secretariat),
        ["POST /processes/{slug}/outputs/{id:int}/recommendations/{number:int}/edit"] = Op(Secretariat),
        ["GET /processes/{slug}/outputs/{id:int}/recommendations/{number:int}/translation"] = Op(Secretariat),
        ["POST /processes/{slug}/outputs/{id:int}/recommendations/{number:int}/translation"] = Op(Secretariat),

        // A process's management.
        ["GET /processes/{slug}/manage"] = Op(Organisers),
        ["GET /processes/{slug}/manage/audit"] = Op(Organisers),
        ["GET /processes/{slug}/manage/bodies"] = Op(Secretariat),
        ["POST /processes/{slug}/manage/bodies"] = Op(Secretariat),
        ["GET /processes/{slug}/manage/bodies/{id:int}"] = Op(Secretariat),
        ["POST /processes/{slug}/manage/bodies/{id:int}"] = Op(Secretariat),
        ["POST /processes/{slug}/manage/bodies/{id:int}?handler=AddMember"] = Op(Secretariat),
        ["GET /processes/{slug}/manage/bodies/{id:int}/members/{memberId:int}"] = Op(Secretariat),
        ["POST /processes/{slug}/manage/bodies/{id:int}/members/{memberId:int}"] = Op(Secretariat),
        ["GET /processes/{slug}/manage/chairs"] = Op(Secretariat),
        ["POST /processes/{slug}/manage/chairs?handler=AddTerm"] = Op(Secretariat),
        ["POST /processes/{slug}/manage/chairs?handler=Rotation"] = Op(Secretariat),
        ["POST /processes/{slug}/manage/chairs?handler=TermLength"] = Op(Secretariat),
        ["GET /processes/{slug}/manage/chairs/{id:int}"] = Op(Secretariat),
        ["POST /processes/{slug}/manage/chairs/{id:int}"] = Op(Secretariat),
        ["POST /processes/{slug}/manage/chairs/{id:int}?handler=Remove"] = Op(Secretariat),
        ["GET /processes/{slug}/manage/invitations"] = Op(Secretariat),
        ["POST /processes/{slug}/manage/invitations?handler=Invite"] = Op(Secretariat),
        ["POST /processes/{slug}/manage/invitations?handler=Revoke"] = Op(Secretariat),
        ["GET /processes/{slug}/manage/membership"] = Op(Secretariat),
        ["POST /processes/{slug}/manage/membership?handler=AddOrganization"] = Op(Secretariat),
        ["POST /processes/{slug}/manage/membership?handler=AddState"] = Op(Secretariat),
        ["GET /processes/{slug}/manage/membership/{id:int}"] = Op(Secretariat),
        ["POST /processes/{slug}/manage/membership/{id:int}?handler=ChangeToMember"] = Op(Secretariat),
        ["POST /processes/{slug}/manage/membership/{id:int}?handler=End"] = Op(Secretariat),
        ["GET /processes/{slug}/manage/people"] = Op(Secretariat),
        ["POST /processes/{slug}/manage/people?handler=Revoke"] = Op(Secretariat),
        ["GET /processes/{slug}/manage/profile"] = Op(Secretariat),
        ["POST /processes/{slug}/manage/profile"] = Op(Secretariat),
        ["GET /processes/{slug}/representation"] = Op(Organisers),

        // Directory of officials (issue 12): the officials of any process; a profile only to those of the processes it shares.
        ["GET /directory"] = Op(Officials),
        ["GET /directory/profile"] = Op(Officials),
        ["POST /directory/profile"] = Op(Officials),
        ["GET /directory/contacts"] = Op(Officials),
        ["POST /directory/contacts?handler=Accept"] = Op(Officials),
        ["POST /directory/contacts?handler=Decline"] = Op(Officials),
        ["GET /directory/people/{person}"] = new(Officials, DemoOfficials),
        ["POST /directory/people/{person}?handler=Request"] = Op(Officials),
        ["GET /api/v1/directory/people"] = Op(Officials),
        ["GET /api/v1/directory/people/{person}"] = new(Officials, DemoOfficials),
        ["POST /api/v1/directory/people/{person}/contact-requests"] = Op(Officials),
        ["GET /api/v1/directory/profile"] = Op(Officials),
        ["PUT /api/v1/directory/profile"] = Op(Officials),
        ["GET /api/v1/directory/contact-requests"] = Op(Officials),
        ["POST /api/v1/directory/contact-requests/{id:int}/answer"] = Op(Officials),

        // Good practices (issue 12): read by their audience (the sample practice is public), submitted, reviewed by the
        // secretariat, commented on by the members, adapted by a member state.
        ["GET /processes/{slug}/practices"] = Open,
        ["GET /processes/{slug}/practices/submit"] = Op(PracticeSubmitters),
        ["POST /processes/{slug}/practices/submit"] = Op(PracticeSubmitters),
        ["GET /processes/{slug}/practices/{id:int}"] = Open,
        ["POST /processes/{slug}/practices/{id:int}?handler=Review"] = Op(Secretariat),
        ["POST /processes/{slug}/practices/{id:int}?handler=Comment"] = Op(OutputCommenters),
        ["POST /processes/{slug}/practices/{id:int}?handler=Adapt"] = Op(PracticeAdapters),
        // A practice's documents: added by its submitter and the secretariat (the command checks which practice), read by its readers.
        ["POST /processes/{slug}/practices/{id:int}?handler=Attach"] = Op(PracticeSubmitters),
        // Withdrawn by its submitter only (the command finds no other's practice).
        ["POST /processes/{slug}/practices/{id:int}?handler=Withdraw"] = Op(PracticeSubmitters),
        ["GET /processes/{slug}/practices/{id:int}?handler=Attachment"] = Open,
        // A member state's policy changes, recorded by its focal points or the secretariat.
        ["GET /processes/{slug}/impact/changes/{id:int?}"] = Op(PolicyRecorders),
        ["POST /processes/{slug}/impact/changes/{id:int?}"] = Op(PolicyRecorders),
        ["POST /processes/{slug}/impact/changes/{id:int?}?handler=Remove"] = Op(PolicyRecorders),
        // Evaluation rounds and their reports: read by the process's members, opened and closed by its secretariat.
        ["GET /processes/{slug}/evaluation"] = Op(FollowUpReaders),
        ["POST /processes/{slug}/evaluation?handler=Open"] = Op(Secretariat),
        ["GET /processes/{slug}/evaluation/{roundId:int}"] = Op(FollowUpReaders),
        ["GET /processes/{slug}/evaluation/{roundId:int}?handler=Csv"] = Op(FollowUpReaders),
        ["GET /processes/{slug}/evaluation/{roundId:int}?handler=Xlsx"] = Op(FollowUpReaders),
        ["POST /processes/{slug}/evaluation/{roundId:int}?handler=Close"] = Op(Secretariat),
        ["GET /processes/{slug}/evaluation/{roundId:int}/print"] = Op(FollowUpReaders),
        ["GET /processes/{slug}/evaluation/{roundId:int}/print?handler=Pdf"] = Op(FollowUpReaders),
        ["GET /api/v1/processes/{slug}/evaluation/rounds/"] = Op(FollowUpReaders),
        ["POST /api/v1/processes/{slug}/evaluation/rounds/"] = Op(Secretariat),
        ["GET /api/v1/processes/{slug}/evaluation/rounds/{roundId:int}/progress"] = Op(FollowUpReaders),
        ["GET /api/v1/processes/{slug}/evaluation/rounds/{roundId:int}/report"] = Op(FollowUpReaders),
        ["POST /api/v1/processes/{slug}/evaluation/rounds/{roundId:int}/close"] = Op(Secretariat),
        // Data requests between states (issue 12): questionnaires read by members, written, sent and published in aggregate
        // by the secretariat, answered by the focal points; the aggregate of a published compilation (the demo's) is public.
        ["GET /processes/{slug}/data-requests"] = Op(DataRequestReaders),
        ["POST /processes/{slug}/data-requests?handler=Create"] = Op(Secretariat),
        ["POST /processes/{slug}/data-requests?handler=Propose"] = Op(DataRequestAnswerers),
        ["POST /processes/{slug}/data-requests/{requestId:int}?handler=ProposeQuestion"] = Op(DataRequestAnswerers),
        ["POST /processes/{slug}/data-requests/{requestId:int}?handler=SubmitProposal"] = Op(DataRequestAnswerers),
        ["POST /processes/{slug}/data-requests/{requestId:int}?handler=EditProposedQuestion"] = Op(DataRequestAnswerers),
        ["POST /processes/{slug}/data-requests/{requestId:int}?handler=MoveProposedQuestion"] = Op(DataRequestAnswerers),
        ["POST /processes/{slug}/data-requests/{requestId:int}?handler=RemoveProposedQuestion"] = Op(DataRequestAnswerers),
        ["POST /processes/{slug}/data-requests/{requestId:int}?handler=RestoreProposedQuestion"] = Op(DataRequestAnswerers),
        ["POST /processes/{slug}/data-requests/{requestId:int}?handler=MoveProposedDeadline"] = Op(DataRequestAnswerers),
        ["POST /processes/{slug}/data-requests/{requestId:int}?handler=Withdraw"] = Op(DataRequestAnswerers),
        ["POST /processes/{slug}/data-requests/{requestId:int}?handler=Decline"] = Op(Secretariat),
        ["GET /processes/{slug}/data-requests/{requestId:int}"] = Op(DataRequestReaders),
        ["GET /processes/{slug}/data-requests/{requestId:int}?handler=Csv"] = Op(DataRequestReaders),
        ["GET /processes/{slug}/data-requests/{requestId:int}?handler=Xlsx"] = Op(DataRequestReaders),
        ["POST /processes/{slug}/data-requests/{requestId:int}?handler=AddQuestion"] = Op(Secretariat),
        ["POST /processes/{slug}/data-requests/{requestId:int}?handler=Send"] = Op(Secretariat),
        ["POST /processes/{slug}/data-requests/{requestId:int}?handler=Publish"] = Op(Secretariat),
        ["POST /processes/{slug}/data-requests/{requestId:int}?handler=Unpublish"] = Op(Secretariat),
        ["POST /processes/{slug}/data-requests/{requestId:int}?handler=EditQuestion"] = Op(Secretariat),
        ["POST /processes/{slug}/data-requests/{requestId:int}?handler=MoveQuestion"] = Op(Secretariat),
        ["POST /processes/{slug}/data-requests/{requestId:int}?handler=RemoveQuestion"] = Op(Secretariat),
        ["POST /processes/{slug}/data-requests/{requestId:int}?handler=RestoreQuestion"] = Op(Secretariat),
        ["POST /processes/{slug}/data-requests/{requestId:int}?handler=MoveDeadline"] = Op(Secretariat),
        ["GET /processes/{slug}/data-requests/{requestId:int}/answer"] = Op(DataRequestReaders),
        ["POST /processes/{slug}/data-requests/{requestId:int}/answer"] = Op(DataRequestAnswerers),
        ["GET /processes/{slug}/data-requests/{requestId:int}/aggregate"] = Open,
        ["GET /api/v1/processes/{slug}/data-requests/"] = Op(DataRequestReaders),
        ["POST /api/v1/processes/{slug}/data-requests/"] = Op(Secretariat),
        ["GET /api/v1/processes/{slug}/data-requests/proposals"] = Op(DataRequestReaders),
        ["POST /api/v1/processes/{slug}/data-requests/proposals"] = Op(DataRequestAnswerers),
        ["POST /api/v1/processes/{slug}/data-requests/{requestId:int}/decline"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/data-requests/{requestId:int}/withdrawal"] = Op(DataRequestAnswerers),
        ["PUT /api/v1/processes/{slug}/data-requests/proposals/{requestId:int}/questions/{questionId:int}"] = Op(DataRequestAnswerers),
        ["DELETE /api/v1/processes/{slug}/data-requests/proposals/{requestId:int}/questions/{questionId:int}"] = Op(DataRequestAnswerers),
        ["POST /api/v1/processes/{slug}/data-requests/proposals/{requestId:int}/questions"] = Op(DataRequestAnswerers),
        ["POST /api/v1/processes/{slug}/data-requests/proposals/{requestId:int}/questions/{questionId:int}/restoration"] = Op(DataRequestAnswerers),
        ["POST /api/v1/processes/{slug}/data-requests/proposals/{requestId:int}/questions/{questionId:int}/move-up"] = Op(DataRequestAnswerers),
        ["POST /api/v1/processes/{slug}/data-requests/proposals/{requestId:int}/questions/{questionId:int}/move-down"] = Op(DataRequestAnswerers),
        ["PUT /api/v1/processes/{slug}/data-requests/proposals/{requestId:int}/deadline"] = Op(DataRequestAnswerers),
        ["POST /api/v1/processes/{slug}/data-requests/proposals/{requestId:int}/submission"] = Op(DataRequestAnswerers),
        ["GET /api/v1/processes/{slug}/data-requests/{requestId:int}"] = Op(DataRequestReaders),
        ["POST /api/v1/processes/{slug}/data-requests/{requestId:int}/send"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/data-requests/{requestId:int}/questions"] = Op(Secretariat),
        ["PUT /api/v1/processes/{slug}/data-requests/{requestId:int}/questions/{questionId:int}"] = Op(Secretariat),
        ["DELETE /api/v1/processes/{slug}/data-requests/{requestId:int}/questions/{questionId:int}"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/data-requests/{requestId:int}/questions/{questionId:int}/restoration"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/data-requests/{requestId:int}/questions/{questionId:int}/move-up"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/data-requests/{requestId:int}/questions/{questionId:int}/move-down"] = Op(Secretariat),
        ["PUT /api/v1/processes/{slug}/data-requests/{requestId:int}/deadline"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/data-requests/{requestId:int}/publication"] = Op(Secretariat),
        ["DELETE /api/v1/processes/{slug}/data-requests/{requestId:int}/publication"] = Op(Secretariat),
        ["PUT /api/v1/processes/{slug}/data-requests/{requestId:int}/answers"] = Op(DataRequestAnswerers),
        ["GET /api/v1/processes/{slug}/data-requests/{requestId:int}/aggregate"] = Open,
        // National follow-up: read by the process's members, reported by the state's focal points, reviewed by the secretariat.
        ["GET /processes/{slug}/follow-up"] = Op(FollowUpReaders),
        ["GET /processes/{slug}/follow-up/labels"] = Op(Secretariat),
        ["POST /processes/{slug}/follow-up/labels"] = Op(Secretariat),
        ["GET /processes/{slug}/follow-up/{state}"] = Op(FollowUpReaders),
        ["GET /processes/{slug}/follow-up/{state}?handler=Csv"] = Op(FollowUpReaders),
        ["GET /processes/{slug}/follow-up/{state}?handler=Xlsx"] = Op(FollowUpReaders),
        ["POST /processes/{slug}/follow-up/{state}?handler=Import"] = Op(FollowUpReporters),
        ["GET /processes/{slug}/follow-up/{state}/{recommendationId:int}"] = Op(FollowUpReaders),
        ["GET /processes/{slug}/follow-up/{state}/{recommendationId:int}?handler=Evidence"] = Op(FollowUpReaders),
        ["POST /processes/{slug}/follow-up/{state}/{recommendationId:int}"] = Op(FollowUpReporters),
        ["POST /processes/{slug}/follow-up/{state}/{recommendationId:int}?handler=Review"] = Op(Secretariat),

        // A process's meetings, run by its secretariat.
        ["GET /processes/{slug}/meetings/new"] = Op(Secretariat),
        ["POST /processes/{slug}/meetings/new"] = Op(Secretariat),
        ["GET /processes/{slug}/meetings/{id:int}/agenda"] = Op(Secretariat),
        ["POST /processes/{slug}/meetings/{id:int}/agenda?handler=Delete"] = Op(Secretariat),
        ["POST /processes/{slug}/meetings/{id:int}/agenda?handler=Forward"] = Op(Secretariat),
        ["POST /processes/{slug}/meetings/{id:int}/agenda?handler=Move"] = Op(Secretariat),
        ["POST /processes/{slug}/meetings/{id:int}/agenda?handler=Save"] = Op(Secretariat),
        ["GET /processes/{slug}/meetings/{id:int}/documents/upload/{documentId:int?}"] = Op(Secretariat),
        ["POST /processes/{slug}/meetings/{id:int}/documents/upload/{documentId:int?}"] = Op(Secretariat),
        ["GET /processes/{slug}/meetings/{id:int}/edit"] = Op(Secretariat),
        ["POST /processes/{slug}/meetings/{id:int}/edit"] = Op(Secretariat),
        ["POST /processes/{slug}/meetings/{id:int}/edit?handler=Cancel"] = Op(Secretariat),
        ["POST /processes/{slug}/meetings/{id:int}/edit?handler=Postpone"] = Op(Secretariat),
        ["GET /processes/{slug}/meetings/{id:int}/invitations"] = Op(Secretariat),
        ["POST /processes/{slug}/meetings/{id:int}/invitations"] = Op(Secretariat),
        ["GET /processes/{slug}/meetings/{id:int}/invitees"] = Op(Secretariat),
        ["POST /processes/{slug}/meetings/{id:int}/invitees?handler=AddMembers"] = Op(Secretariat),
        ["POST /processes/{slug}/meetings/{id:int}/invitees?handler=AddObservers"] = Op(Secretariat),
        ["POST /processes/{slug}/meetings/{id:int}/invitees?handler=AddOrganization"] = Op(Secretariat),
        ["POST /processes/{slug}/meetings/{id:int}/invitees?handler=AddPerson"] = Op(Secretariat),
        ["POST /processes/{slug}/meetings/{id:int}/invitees?handler=AddState"] = Op(Secretariat),
        ["POST /processes/{slug}/meetings/{id:int}/invitees?handler=Remove"] = Op(Secretariat),
        ["GET /processes/{slug}/meetings/{id:int}/sessions"] = Op(Secretariat),
        ["POST /processes/{slug}/meetings/{id:int}/sessions?handler=Add"] = Op(Secretariat),
        ["POST /processes/{slug}/meetings/{id:int}/sessions?handler=Delete"] = Op(Secretariat),
        ["GET /processes/{slug}/meetings/{id:int}/sessions/{sessionId:int}"] = Op(Secretariat),
        ["POST /processes/{slug}/meetings/{id:int}/sessions/{sessionId:int}?handler=AddPerson"] = Op(Secretariat),
        ["POST /processes/{slug}/meetings/{id:int}/sessions/{sessionId:int}?handler=RemovePerson"] = Op(Secretariat),
        ["POST /processes/{slug}/meetings/{id:int}/sessions/{sessionId:int}?handler=Save"] = Op(Secretariat),

        // A member state's delegation, registered by its focal points among the process's participants.
        ["GET /processes/{slug}/meetings/{id:int}/delegation"] = new(Participants, MeetingMembers),
        ["POST /processes/{slug}/meetings/{id:int}/delegation"] = new(Participants, MeetingMembers),

        // The live floor: signed-in readers of the meeting; asking and chairing by role.
        ["GET /processes/{slug}/meetings/{id:int}/sessions/{sessionId:int}/floor"] = SignedInMeeting(SignedIn),
        ["GET /processes/{slug}/meetings/{id:int}/sessions/{sessionId:int}/floor/events"] = SignedInMeeting(SignedIn),
        ["POST /processes/{slug}/meetings/{id:int}/sessions/{sessionId:int}/floor?handler=Ask"] = SignedInMeeting(Speakers),
        ["POST /processes/{slug}/meetings/{id:int}/sessions/{sessionId:int}/floor?handler=Withdraw"] = SignedInMeeting(Speakers),
        ["POST /processes/{slug}/meetings/{id:int}/sessions/{sessionId:int}/floor?handler=Give"] = SignedInMeeting(Organisers),
        ["POST /processes/{slug}/meetings/{id:int}/sessions/{sessionId:int}/floor?handler=GiveNext"] = SignedInMeeting(Organisers),
        ["POST /processes/{slug}/meetings/{id:int}/sessions/{sessionId:int}/floor?handler=End"] = SignedInMeeting(Organisers),
        ["POST /processes/{slug}/meetings/{id:int}/sessions/{sessionId:int}/floor?handler=Minutes"] = SignedInMeeting(Organisers),

        // A process's outputs (declarations, recommendations...), read by their audience (the sample output is for members only).
        ["GET /processes/{slug}/outputs"] = Open,
        ["POST /processes/{slug}/outputs?handler=Create"] = Op(Secretariat),
        ["GET /processes/{slug}/outputs/{id:int}"] = Meeting,
        ["GET /processes/{slug}/outputs/{id:int}/diff"] = Meeting,
        ["POST /processes/{slug}/outputs/{id:int}?handler=Version"] = MeetingForm(Secretariat),
        ["POST /processes/{slug}/outputs/{id:int}?handler=Comment"] = MeetingForm(OutputCommenters),
        ["POST /processes/{slug}/outputs/{id:int}?handler=Adopt"] = MeetingForm(Organisers),
        ["POST /processes/{slug}/outputs/{id:int}?handler=Position"] = MeetingForm(Secretariat),
        ["POST /processes/{slug}/outputs/{id:int}?handler=RemovePosition"] = MeetingForm(Secretariat),

        // The civil society caucus of a process (issue 11): read by its civil society participants and secretariat,
        // written by the former; statements to a meeting, read by its audience, submitted by invited organisations.
        ["GET /processes/{slug}/caucus"] = Op(CaucusReaders),
        ["POST /processes/{slug}/caucus?handler=Create"] = Op(CaucusMembers),
        ["GET /processes/{slug}/caucus/{id:int}"] = Op(CaucusReaders),
        ["GET /processes/{slug}/caucus/{id:int}/diff"] = Op(CaucusReaders),
        ["POST /processes/{slug}/caucus/{id:int}?handler=Version"] = Op(CaucusMembers),
        ["POST /processes/{slug}/caucus/{id:int}?handler=Comment"] = Op(CaucusMembers),
        ["POST /processes/{slug}/caucus/{id:int}?handler=Stance"] = Op(CaucusMembers),
        ["POST /processes/{slug}/caucus/{id:int}?handler=Submit"] = Op(CaucusMembers),
        ["GET /meetings/{id:int}/statements"] = Meeting,
        ["POST /meetings/{id:int}/statements?handler=Submit"] = MeetingForm(CaucusMembers),
        ["GET /api/v1/processes/{slug}/caucus"] = Op(CaucusReaders),
        ["POST /api/v1/processes/{slug}/caucus"] = Op(CaucusMembers),
        ["GET /api/v1/processes/{slug}/caucus/{id:int}"] = Op(CaucusReaders),
        ["POST /api/v1/processes/{slug}/caucus/{id:int}/versions"] = Op(CaucusMembers),
        ["GET /api/v1/processes/{slug}/caucus/{id:int}/diff"] = Op(CaucusReaders),
        ["GET /api/v1/processes/{slug}/caucus/{id:int}/comments"] = Op(CaucusReaders),
        ["POST /api/v1/processes/{slug}/caucus/{id:int}/comments"] = Op(CaucusMembers),
        ["POST /api/v1/processes/{slug}/caucus/{id:int}/stances"] = Op(CaucusMembers),
        ["POST /api/v1/processes/{slug}/caucus/{id:int}/submission"] = Op(CaucusMembers),
        ["GET /api/v1/meetings/{id:int}/statements"] = Meeting,
        ["POST /api/v1/meetings/{id:int}/statements"] = Op(CaucusMembers),
        // Position papers through the API (issue 11, csodetails).
        ["POST /api/v1/meetings/{id:int}/position-papers"] = Op(CaucusMembers),
        // Calls for participation (issue 11): public calls and reports, written by the secretariat; applications read by
        // their organisation's people, the panel and the secretariat; the panel's page by the panel and the secretariat.
        ["GET /processes/{slug}/calls"] = Open,
        ["GET /processes/{slug}/calls/edit/{callId:int?}"] = Op(Secretariat),
        ["POST /processes/{slug}/calls/edit/{callId:int?}"] = Op(Secretariat),
        ["GET /processes/{slug}/calls/{callId:int}"] = Open,
        ["POST /processes/{slug}/calls/{callId:int}?handler=Publish"] = Op(Secretariat),
        ["GET /processes/{slug}/calls/{callId:int}/apply"] = Op(SignedIn),
        ["POST /processes/{slug}/calls/{callId:int}/apply"] = Op(SignedIn),
        ["GET /processes/{slug}/calls/{callId:int}/applications/{applicationId:int}"] = new(SignedIn, ApplicationReaders),
        ["GET /processes/{slug}/calls/{callId:int}/applications/{applicationId:int}?handler=Attachment"] = new(SignedIn, ApplicationReaders),
        ["POST /processes/{slug}/calls/{callId:int}/applications/{applicationId:int}?handler=Score"] = Op(SignedIn),
        ["POST /processes/{slug}/calls/{callId:int}/applications/{applicationId:int}?handler=Attach"] = Op(SignedIn),
        ["POST /processes/{slug}/calls/{callId:int}/applications/{applicationId:int}?handler=Conflict"] = Op(SignedIn),
        ["GET /processes/{slug}/calls/{callId:int}/panel"] = new(SignedIn, CallPanel),
        ["POST /processes/{slug}/calls/{callId:int}/panel?handler=AddMember"] = Op(Secretariat),
        ["POST /processes/{slug}/calls/{callId:int}/panel?handler=RemoveMember"] = Op(Secretariat),
        ["POST /processes/{slug}/calls/{callId:int}/panel?handler=Propose"] = Op(Secretariat),
        ["POST /processes/{slug}/calls/{callId:int}/panel?handler=Draw"] = Op(Secretariat),
        ["POST /processes/{slug}/calls/{callId:int}/panel?handler=Decide"] = Op(SignedIn),
        ["POST /processes/{slug}/calls/{callId:int}/panel?handler=PublishReport"] = Op(Secretariat),
        ["GET /processes/{slug}/calls/{callId:int}/report"] = Open,
        ["GET /api/v1/processes/{slug}/calls/"] = Open,
        ["POST /api/v1/processes/{slug}/calls/"] = Op(Secretariat),
        ["GET /api/v1/processes/{slug}/calls/{callId:int}"] = Open,
        ["PUT /api/v1/processes/{slug}/calls/{callId:int}"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/calls/{callId:int}/publication"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/calls/{callId:int}/applications"] = Op(SignedIn),
        ["GET /api/v1/processes/{slug}/calls/{callId:int}/applications/{applicationId:int}"] = new(SignedIn, ApplicationReaders),
        ["POST /api/v1/processes/{slug}/calls/{callId:int}/applications/{applicationId:int}/scores"] = Op(SignedIn),
        ["POST /api/v1/processes/{slug}/calls/{callId:int}/applications/{applicationId:int}/attachments"] = Op(SignedIn),
        ["GET /api/v1/processes/{slug}/calls/{callId:int}/applications/{applicationId:int}/attachments/{fileId:int}"] = new(SignedIn, ApplicationReaders),
        ["GET /api/v1/processes/{slug}/calls/{callId:int}/report"] = Open,
        ["GET /api/v1/processes/{slug}/calls/{callId:int}/selection-inputs"] = Open,

        // The JSON API: the public registry.
        ["GET /api/v1/openapi.json"] = Open,
        ["GET /api/v1/processes/"] = Open,
        ["GET /api/v1/processes/{slug}"] = Open,
        ["GET /api/v1/processes.csv"] = Open,
        ["GET /api/v1/states/"] = Open,
        ["GET /api/v1/states/{code}"] = Open,
        ["GET /api/v1/organizations/"] = Open,
        ["GET /api/v1/organizations/{slug}"] = Open,
        ["GET /api/v1/global-meetings"] = Open,
        ["GET /api/v1/search"] = Open,
        ["GET /api/v1/processes/{slug}/meetings"] = Open,
        ["GET /api/v1/processes/{slug}/policy-changes"] = Open,
        ["GET /api/v1/processes/{slug}/practices/"] = Open,
        ["GET /api/v1/processes/{slug}/practices/{id:int}"] = Open,
        ["GET /api/v1/processes/{slug}/practices/{id:int}/attachments/{fileId:int}"] = Open,
        ["GET /api/v1/processes/{slug}/impact"] = Open,
        ["GET /api/v1/processes/{slug}/accountability"] = Open,
        ["GET /api/v1/processes/{slug}/accountability.csv"] = Open,
        ["GET /api/v1/gcm-objectives"] = Open,
        ["GET /api/v1/gcm-objectives/{number:int}"] = Open,
        ["GET /api/v1/sdg-targets"] = Open,
        ["GET /api/v1/sdg-targets/{code}"] = Open,

        // The JSON API: recommendations of an output, read by its audience, written by the secretariat.
        ["GET /api/v1/processes/{slug}/outputs/{id:int}/recommendations/"] = new(Everyone, MeetingMembers),
        ["GET /api/v1/processes/{slug}/outputs/{id:int}/recommendations/{number:int}"] = new(Everyone, MeetingMembers),
        ["POST /api/v1/processes/{slug}/outputs/{id:int}/recommendations/"] = Op(Secretariat),
        ["PUT /api/v1/processes/{slug}/outputs/{id:int}/recommendations/{number:int}"] = Op(Secretariat),
        ["PUT /api/v1/processes/{slug}/outputs/{id:int}/recommendations/{number:int}/translations"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/outputs/{id:int}/recommendations/carried"] = Op(Secretariat),

        // The JSON API: a meeting, seen by its audience.
        ["GET /api/v1/meetings/{id:int}"] = Meeting,
        ["GET /api/v1/meetings/{id:int}/agenda"] = Meeting,
        ["GET /api/v1/meetings/{id:int}/sessions"] = Meeting,
        ["GET /api/v1/meetings/{id:int}/documents"] = Meeting,
        ["GET /api/v1/meetings/{id:int}/documents/{documentId:int}"] = Meeting,
        ["GET /api/v1/meetings/{id:int}/documents/{documentId:int}/versions/{versionId:int}/file"] = Meeting,
        ["GET /api/v1/meetings/{id:int}/pack"] = Meeting,
        ["GET /api/v1/meetings/{id:int}/report"] = Meeting,
        ["GET /api/v1/meetings/{id:int}/sessions/{sessionId:int}/report"] = Meeting,

        // The JSON API: national follow-up, as on the pages.
        ["GET /api/v1/processes/{slug}/follow-up"] = Op(FollowUpReaders),
        ["GET /api/v1/processes/{slug}/follow-up/labels"] = Op(FollowUpReaders),
        ["PUT /api/v1/processes/{slug}/follow-up/labels"] = Op(Secretariat),
        ["GET /api/v1/processes/{slug}/follow-up/{state}"] = Op(FollowUpReaders),
        ["GET /api/v1/processes/{slug}/follow-up/{state}/export.csv"] = Op(FollowUpReaders),
        ["GET /api/v1/processes/{slug}/follow-up/{state}/export.xlsx"] = Op(FollowUpReaders),
        ["POST /api/v1/processes/{slug}/follow-up/{state}/import"] = Op(FollowUpReporters),
        ["GET /api/v1/processes/{slug}/follow-up/{state}/{recommendationId:int}"] = Op(FollowUpReaders),
        ["POST /api/v1/processes/{slug}/follow-up/{state}/{recommendationId:int}/reports"] = Op(FollowUpReporters),
        ["POST /api/v1/processes/{slug}/follow-up/{state}/{recommendationId:int}/reports/{reportId:int}/evidence"] = Op(FollowUpReporters),
        ["POST /api/v1/processes/{slug}/follow-up/{state}/{recommendationId:int}/review"] = Op(Secretariat),
        ["GET /api/v1/processes/{slug}/follow-up/{state}/{recommendationId:int}/evidence/{fileId:int}/file"] = Op(FollowUpReaders),

        // The JSON API: changes by the secretariat (and reports by their writers).
        ["POST /api/v1/processes/{slug}/meetings"] = Op(Secretariat),
        ["PUT /api/v1/processes/{slug}/meetings/{id:int}"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/meetings/{id:int}/agenda"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/meetings/{id:int}/agenda/{itemId:int}/forward"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/meetings/{id:int}/sessions"] = Op(Secretariat),
        ["PUT /api/v1/processes/{slug}/meetings/{id:int}/sessions/{sessionId:int}"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/meetings/{id:int}/documents"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/meetings/{id:int}/documents/{documentId:int}/versions"] = Op(Secretariat),
        ["PATCH /api/v1/processes/{slug}/meetings/{id:int}/documents/{documentId:int}"] = Op(Secretariat),
        ["PATCH /api/v1/processes/{slug}/meetings/{id:int}/documents/{documentId:int}/versions/{versionId:int}"] = Op(Secretariat),
        ["DELETE /api/v1/processes/{slug}/meetings/{id:int}/documents/{documentId:int}"] = Op(Secretariat),
        ["PUT /api/v1/processes/{slug}/meetings/{id:int}/sessions/{sessionId:int}/report"] = ReportWriters,
        ["POST /api/v1/processes/{slug}/meetings/{id:int}/report/adoption"] = Op(Organisers),
        ["GET /api/v1/processes/{slug}/invitations/"] = Op(Secretariat),
        ["GET /api/v1/processes/{slug}/invitations/{id:int}"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/invitations/"] = Op(Secretariat),
        ["DELETE /api/v1/processes/{slug}/invitations/{id:int}"] = Op(Secretariat),
        ["GET /api/v1/processes/{slug}/audit"] = Op(Organisers),
        ["GET /api/v1/audit"] = Op(Administrators),
        ["GET /api/v1/processes/{slug}/profile"] = Op(Secretariat),
        ["PUT /api/v1/processes/{slug}/profile"] = Op(Secretariat),
        ["PATCH /api/v1/processes/{slug}/profile"] = Op(Secretariat),
        ["GET /api/v1/processes/{slug}/memberships"] = Op(Secretariat),
        ["GET /api/v1/processes/{slug}/memberships/{id:int}"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/memberships"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/memberships/{id:int}/end"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/memberships/{id:int}/change-to-member"] = Op(Secretariat),
        ["GET /api/v1/processes/{slug}/chair-terms"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/chair-terms"] = Op(Secretariat),
        ["PUT /api/v1/processes/{slug}/chair-terms/{id:int}"] = Op(Secretariat),
        ["DELETE /api/v1/processes/{slug}/chair-terms/{id:int}"] = Op(Secretariat),
        ["GET /api/v1/processes/{slug}/chair-rotation"] = Op(Secretariat),
        ["PUT /api/v1/processes/{slug}/chair-rotation"] = Op(Secretariat),
        ["GET /api/v1/processes/{slug}/chair-schedule"] = Op(Secretariat),
        ["GET /api/v1/processes/{slug}/bodies"] = Op(Secretariat),
        ["GET /api/v1/processes/{slug}/bodies/{id:int}"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/bodies"] = Op(Secretariat),
        ["PUT /api/v1/processes/{slug}/bodies/{id:int}"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/bodies/{id:int}/members"] = Op(Secretariat),
        ["PUT /api/v1/processes/{slug}/bodies/{id:int}/members/{memberId:int}"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/practices/"] = Op(PracticeSubmitters),
        ["POST /api/v1/processes/{slug}/practices/{id:int}/review"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/practices/{id:int}/comments"] = Op(OutputCommenters),
        ["POST /api/v1/processes/{slug}/practices/{id:int}/adaptations"] = Op(PracticeAdapters),
        ["POST /api/v1/processes/{slug}/practices/{id:int}/attachments"] = Op(PracticeSubmitters),
        ["POST /api/v1/processes/{slug}/practices/{id:int}/withdrawal"] = Op(PracticeSubmitters),
        ["POST /api/v1/processes/{slug}/policy-changes"] = Op(PolicyRecorders),
        ["PUT /api/v1/processes/{slug}/policy-changes/{id:int}"] = Op(PolicyRecorders),
        ["DELETE /api/v1/processes/{slug}/policy-changes/{id:int}"] = Op(PolicyRecorders),

        // The JSON API: a process's outputs, read by their audience, drafted by the secretariat.
        ["GET /api/v1/processes/{slug}/outputs"] = Open,
        ["POST /api/v1/processes/{slug}/outputs"] = Op(Secretariat),
        ["GET /api/v1/processes/{slug}/outputs/{id:int}"] = Meeting,
        ["GET /api/v1/processes/{slug}/outputs/{id:int}/diff"] = Meeting,
        ["GET /api/v1/processes/{slug}/outputs/{id:int}/comments"] = Meeting,
        ["POST /api/v1/processes/{slug}/outputs/{id:int}/versions"] = Op(Secretariat),
        ["POST /api/v1/processes/{slug}/outputs/{id:int}/comments"] = Op(OutputCommenters),
        ["POST /api/v1/processes/{slug}/outputs/{id:int}/adoption"] = Op(Organisers),
        ["PUT /api/v1/processes/{slug}/outputs/{id:int}/positions/{code}"] = Op(Secretariat),
        ["DELETE /api/v1/processes/{slug}/outputs/{id:int}/positions/{code}"] = Op(Secretariat),
    };

    /// <summary>A page or endpoint as the matrix walks it.</summary>
    /// <param name="Body">The body it reads: "json", "multipart", or null for none.</param>
    private sealed record Entry(string Key, string Method, string Pattern, string? Handler, bool IsPage, string? Body)
    {
        public bool IsApi => Pattern.StartsWith("/api/", StringComparison.Ordinal);
    }

    /// <summary>What one cell of the matrix sends.</summary>
    private enum Variant
    {
        /// <summary>The canonical address, with the demo process's ids.</summary>
        Own,
        /// <summary>The process's address in capitals ("DEMO").</summary>
        Capitals,
        /// <summary>The process's address with one capital ("Demo").</summary>
        Capitalised,
        /// <summary>Another process's address holding the demo process's ids (its meeting, body, term...).</summary>
        OtherProcess,
    }

    [Fact]
    public async Task Every_page_and_endpoint_is_in_the_table()
    {
        var entries = await EntriesAsync();
        Assert.True(entries.Count > 150, $"Only {entries.Count} pages and endpoints were found: the enumeration is broken.");
        var missing = entries.Where(e => !Table.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        var stale = Table.Keys.Except(entries.Select(e => e.Key)).ToList();
        Assert.True(missing.Count == 0, "Add these pages and endpoints to AuthorizationMatrixTests.Table (who may use them):\n" + string.Join("\n", missing));
        Assert.True(stale.Count == 0, "The table names pages or endpoints the application no longer has:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task Every_reader_gets_what_the_table_says_for_every_address_and_spelling()
    {
        var entries = (await EntriesAsync()).Where(e => Table.ContainsKey(e.Key)).ToList();
        var world = await World.ArrangeAsync(_factory);
        var failures = new List<string>();
        var cells = 0;
        foreach (var reader in Everyone)
        {
            using var client = world.ClientFor(reader);
            var token = await World.TokenAsync(client, signedIn: reader != Reader.Anonymous);
            foreach (var entry in entries)
            {
                foreach (var variant in Enum.GetValues<Variant>())
                {
                    if (!Applies(entry, variant))
                    {
                        continue;
                    }
                    cells++;
                    if (await CheckAsync(world, client, token, reader, entry, variant) is { } failure)
                    {
                        failures.Add(failure);
                    }
                }
            }
        }
        Assert.True(cells > 2000, $"Only {cells} cells were walked.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cells} cells differ from the table:\n" + string.Join("\n", failures.Take(150)));
    }

    private static bool Applies(Entry entry, Variant variant) => variant switch
    {
        Variant.Own => true,
        Variant.Capitals or Variant.Capitalised => entry.Pattern.Contains("processes/{slug}", StringComparison.Ordinal),
        // Only addresses that also hold an id of something in the process can mix two processes.
        Variant.OtherProcess => entry.Pattern.Contains("processes/{slug}/", StringComparison.Ordinal) && entry.Pattern.Contains(":int", StringComparison.Ordinal),
        _ => false,
    };

    private static async Task<string?> CheckAsync(World world, HttpClient client, string token, Reader reader, Entry entry, Variant variant)
    {
        var rule = Table[entry.Key];
        var safe = entry.Method is "GET" or "HEAD";
        var admitted = rule.Admitted.Contains(reader);
        // Those who may make a change are sent one that cannot be made (see the class summary): an unreadable body,
        // or for a change without a body an id of a thing that does not exist.
        var probe = !safe && rule.Readers.Contains(reader);
        var address = world.Address(entry, variant, nonexistentLastId: probe && !entry.IsPage && entry.Body is null);
        using var request = new HttpRequestMessage(new HttpMethod(entry.Method), address);
        if (!safe)
        {
            if (entry.Body == "multipart")
            {
                // Without its boundary the form cannot be read.
                request.Content = new StringContent(probe ? "--" : "", Encoding.UTF8);
                request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("multipart/form-data");
            }
            else if (!entry.IsPage)
            {
                request.Content = new StringContent(probe ? "{" : "{}", Encoding.UTF8, "application/json");
            }
            else
            {
                var form = new Dictionary<string, string>();
                if (!probe)
                {
                    form["__RequestVerificationToken"] = token;
                }
                request.Content = new FormUrlEncodedContent(form);
            }
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        var got = $"{status}{(location.Length > 0 ? " → " + location : "")}";
        var cell = $"{reader} × {entry.Key} × {variant} ({entry.Method} {address})";

        string? Expect(bool ok, string expected) => ok ? null : $"{cell}: expected {expected}, got {got}";
        bool SignInAsked() => entry.IsApi ? status == 401 : status == 302 && location.Contains("/account/sign-in", StringComparison.Ordinal);
        bool Refused() => entry.IsApi ? status == 403 : status == 302 && location.Contains("/account/access-denied", StringComparison.Ordinal);

        if (variant is Variant.Capitals or Variant.Capitalised)
        {
            // Another spelling is never a way in: pages read are sent to the canonical address, everything else is 404.
            return !entry.IsApi && safe
                ? Expect(status == 301 && location.Contains("/processes/demo", StringComparison.Ordinal), "301 to the canonical address")
                : Expect(status == 404, "404");
        }
        if (variant == Variant.OtherProcess)
        {
            // Those the other process admits find nothing of this process under its address; the others are refused.
            var admittedThere = world.AdmittedInOtherProcess(reader, rule);
            if (reader == Reader.Anonymous)
            {
                return Expect(SignInAsked() || status == 404, "sign-in or 404");
            }
            return admittedThere
                ? Expect(status == 404 || (!safe && status == 400 && probe), "404")
                : Expect(Refused() || status == 404, "refused or 404");
        }

        if (reader == Reader.Anonymous && !rule.Readers.Contains(reader))
        {
            return Expect(SignInAsked(), "a request to sign in");
        }
        if (!rule.Readers.Contains(reader))
        {
            return Expect(Refused(), "refused");
        }
        var special = world.ExpectedStatus(entry);
        if (!safe && special is not null)
        {
            return Expect(special.Contains(status), string.Join(" or ", special));
        }
        if (!safe)
        {
            // Admitted by the page or endpoint: the unreadable request passed authorization and stopped right after it.
            return !entry.IsPage
                ? Expect(status is 400 or 404 or 415, "400, 404 or 415 (authorized, nothing changed)")
                : Expect(status == 400, "400 (authorized, stopped by the missing antiforgery token)");
        }
        if (!admitted)
        {
            return Expect(status == 404, "404 (may not see the meeting)");
        }
        return special is not null ? Expect(special.Contains(status), string.Join(" or ", special)) : Expect(status == 200, "200");
    }

    private async Task<IReadOnlyList<Entry>> EntriesAsync()
    {
        _ = _factory.Server;
        var endpoints = _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var loader = _factory.Services.GetRequiredService<PageLoader>();
        var entries = new List<Entry>();
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var handler in compiled.HandlerMethods)
                {
                    var method = handler.HttpMethod.ToUpperInvariant();
                    var key = $"{method} {pattern}{(handler.Name is null ? "" : "?handler=" + handler.Name)}";
                    entries.Add(new Entry(key, method, pattern, handler.Name, IsPage: true, Body: "form"));
                }
                continue;
            }
            var accepts = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes ?? [];
            var body = accepts.Any(t => t.StartsWith("multipart/", StringComparison.Ordinal)) ? "multipart" : accepts.Count > 0 ? "json" : null;
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                entries.Add(new Entry($"{method} {pattern}", method, pattern, null, IsPage: false, body));
            }
        }
        return entries.DistinctBy(e => e.Key).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>The demo process, another process with its own people, and a client for every reader.</summary>
    private sealed partial class World(RcpHubFactory factory, Dictionary<Reader, IReadOnlyList<string>> cookies, Dictionary<string, int> ids, string otherSlug, Dictionary<string, int[]> specialStatuses,
        string person)
    {
        public static async Task<World> ArrangeAsync(RcpHubFactory factory)
        {
            await using var scope = factory.Scope();
            var db = scope.Db;
            var demo = await db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Id).SingleAsync();
            var other = await db.Processes.Where(p => p.Id != demo && p.Memberships.Any(m => m.StateCode != null && m.Role == MembershipRole.Member && m.LeftOn == null))
                .OrderBy(p => p.Id).Select(p => new { p.Id, p.Slug, State = p.Memberships.Where(m => m.StateCode != null && m.Role == MembershipRole.Member && m.LeftOn == null).Select(m => m.StateCode!).First() })
                .FirstAsync();

            async Task<AppUserRef> DemoAccountAsync(ProcessRole? role, bool administrator = false)
            {
                var email = DemoData.Accounts.Single(a => a.Role == role && a.IsAdministrator == administrator).Email;
                return new AppUserRef(await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
            }

            async Task<AppUserRef> NewAsync(string name, params ReaderRole[] roles) =>
                new((await TestSignIn.CreateUserAsync(factory, $"{name}-{Guid.NewGuid():N}@example.org", false, roles)).Id);

            var users = new Dictionary<Reader, AppUserRef>
            {
                [Reader.NoRole] = await NewAsync("no-role"),
                [Reader.Administrator] = await DemoAccountAsync(null, administrator: true),
                [Reader.Secretariat] = await DemoAccountAsync(ProcessRole.Secretariat),
                [Reader.Chair] = await DemoAccountAsync(ProcessRole.Chair),
                [Reader.FocalPoint] = await DemoAccountAsync(ProcessRole.FocalPoint),
                [Reader.Observer] = await DemoAccountAsync(ProcessRole.Observer),
                [Reader.CivilSociety] = await DemoAccountAsync(ProcessRole.CivilSociety),
                [Reader.OtherSecretariat] = await NewAsync("other-secretariat", new ReaderRole(other.Id, ProcessRole.Secretariat)),
                [Reader.OtherChair] = await NewAsync("other-chair", new ReaderRole(other.Id, ProcessRole.Chair)),
                [Reader.OtherFocalPoint] = await NewAsync("other-focal-point", new ReaderRole(other.Id, ProcessRole.FocalPoint, other.State)),
                [Reader.OtherObserver] = await NewAsync("other-observer", new ReaderRole(other.Id, ProcessRole.Observer)),
                [Reader.OtherCivilSociety] = await NewAsync("other-civil-society", new ReaderRole(other.Id, ProcessRole.CivilSociety)),
                [Reader.RevokedSecretariat] = await NewAsync("revoked-secretariat", new ReaderRole(demo, ProcessRole.Secretariat)),
                // Portugal left the demo process last year: its focal point is no member any more.
                [Reader.FormerStateFocalPoint] = await NewAsync("former-state", new ReaderRole(demo, ProcessRole.FocalPoint, "PRT")),
            };
            var revoked = users[Reader.RevokedSecretariat].Id;
            await db.ProcessRoleAssignments.Where(a => a.UserId == revoked).ExecuteUpdateAsync(s => s.SetProperty(a => a.RevokedAt, DateTimeOffset.UtcNow.AddDays(-1)));

            var cookies = new Dictionary<Reader, IReadOnlyList<string>>();
            foreach (var (reader, user) in users)
            {
                var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
                cookies[reader] = await TestSignIn.CookiesAsync(factory, stored);
            }

            var meeting = await db.Meetings.Where(m => m.ProcessId == demo).OrderBy(m => m.Id).Select(m => new { m.Id, m.Audience, m.SummaryPublished }).FirstAsync();
            Assert.Equal(MeetingAudience.MembersOnly, meeting.Audience);
            Assert.False(meeting.SummaryPublished, "The matrix expects the sample meeting to show nothing to outsiders.");
            var session = await db.Sessions.Where(s => s.MeetingId == meeting.Id).OrderBy(s => s.Id).Select(s => new { s.Id, s.RapporteurUserId }).FirstAsync();
            Assert.Equal(users[Reader.FocalPoint].Id, session.RapporteurUserId);
            var document = await db.Documents.Where(d => d.MeetingId == meeting.Id).OrderBy(d => d.Id).Select(d => d.Id).FirstAsync();
            var version = await db.Set<DocumentVersion>().Where(v => v.DocumentId == document).OrderBy(v => v.Id).Select(v => v.Id).FirstAsync();
            var body = await db.Bodies.Where(b => b.ProcessId == demo).OrderBy(b => b.Id).Select(b => new { b.Id, Member = b.Members.OrderBy(m => m.Id).Select(m => m.Id).First() }).FirstAsync();
            var invitation = new Invitation
            {
                Email = "matrix-invitee@example.org",
                ProcessId = demo,
                Role = ProcessRole.Observer,
                TokenHash = Convert.ToHexString(Guid.NewGuid().ToByteArray()),
                InvitedByUserId = users[Reader.Secretariat].Id,
                CreatedAt = DateTimeOffset.UtcNow,
                ExpiresAt = DateTimeOffset.UtcNow.AddDays(7),
            };
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();

            var ids = new Dictionary<string, int>
            {
                ["meetings"] = meeting.Id,
                ["sessionId"] = session.Id,
                ["documentId"] = document,
                ["versionId"] = version,
                ["bodies"] = body.Id,
                ["memberId"] = body.Member,
                ["chairs"] = await db.ChairTerms.Where(t => t.ProcessId == demo).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(),
                ["chair-terms"] = await db.ChairTerms.Where(t => t.ProcessId == demo).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(),
                ["membership"] = await db.Memberships.Where(m => m.ProcessId == demo).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(),
                ["memberships"] = await db.Memberships.Where(m => m.ProcessId == demo).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(),
                ["itemId"] = await db.AgendaItems.Where(i => i.MeetingId == meeting.Id).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(),
                ["invitations"] = invitation.Id,
                ["changes"] = await db.PolicyChanges.Where(c => c.ProcessId == demo).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
                ["policy-changes"] = await db.PolicyChanges.Where(c => c.ProcessId == demo).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
                // The demo's published public practice (issue 12).
                ["practices"] = await db.Practices.Where(p => p.ProcessId == demo).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
                ["roundId"] = await db.EvaluationRounds.Where(r => r.ProcessId == demo).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
                // Output 1, members only, adopted, with recommendations 1-3; GCM objective 1 exists too.
                ["outputs"] = await db.Outputs.Where(o => o.ProcessId == demo).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync(),
                ["number"] = 1,
                // No evidence file has this id: the download answers 404 to those admitted.
                ["fileId"] = 987654,
                // No contact person has this id (and IOM is not in the registry): 404 to those admitted.
                ["contactId"] = 987654,
                // Morocco's first demo report (on the first recommendation).
                ["reportId"] = await db.FollowUpReports.Where(r => r.ProcessId == demo && r.StateCode == "MAR").OrderBy(r => r.RecommendationId).ThenBy(r => r.Id).Select(r => r.Id).FirstAsync(),
                // The demo caucus's draft joint position (issue 11).
                ["caucus"] = await db.CaucusPositions.Where(p => p.ProcessId == demo).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
                // The demo call for participation, open, and its first application (the demo civil society account's organisation).
                ["callId"] = await db.ParticipationCalls.Where(c => c.ProcessId == demo).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
                ["applicationId"] = await db.CallApplications.Where(a => a.Call!.ProcessId == demo).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
                // The demo data request (issue 12): sent, Morocco submitted, its aggregate published.
                ["requestId"] = await db.DataRequests.Where(r => r.ProcessId == demo).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(),
                // Its first question.
                ["questionId"] = await db.DataQuestions.Where(q => q.DataRequest!.ProcessId == demo).OrderBy(q => q.DataRequestId).ThenBy(q => q.Number).Select(q => q.Id).FirstAsync(),
                // No saved search has this id: the removal answers 404 to those signed in.
                ["saved-searches"] = 987654,
                ["recommendationId"] = await db.Recommendations.Where(r => r.Output!.ProcessId == demo && r.Output.AdoptedOn != null).OrderBy(r => r.OutputId).ThenBy(r => r.Number).Select(r => r.Id).FirstAsync(),
                // No contact request has this id: answering it is 404 to those admitted.
                ["contact-requests"] = 987654,
            };
            // Pages that answer an address without what they need by design: a calendar address that was never issued,
            // sign-in steps reached out of order, a PDF that may wait for a free Chromium.
            var special = new Dictionary<string, int[]>
            {
                ["GET /calendar/{token}.ics"] = [404],
                ["GET /saved-searches/stop/{token}"] = [404],
                ["GET /account/sign-in-2fa"] = [200, 302],
                ["GET /account/access-denied"] = [403],
                ["POST /error"] = [500],
                ["GET /account/reset-password"] = [200, 302, 400],
                ["GET /account/accept-invitation"] = [200, 302, 400, 404],
                ["GET /account/sign-in"] = [200, 302],
                ["GET /account/sign-out"] = [200, 302],
                ["GET /error"] = [200, 500],
                ["GET /language"] = [200, 302],
                ["GET /time-zone"] = [200, 302],
                ["GET /meetings/{id:int}/report/print?handler=Pdf"] = [200, 503],
                ["GET /processes/{slug}/evaluation/{roundId:int}/print?handler=Pdf"] = [200, 503],
                // Without a file id there is no evidence file to download.
                ["GET /processes/{slug}/follow-up/{state}/{recommendationId:int}?handler=Evidence"] = [404],
                ["GET /api/v1/processes/{slug}/follow-up/{state}/{recommendationId:int}/evidence/{fileId:int}/file"] = [404],
                ["GET /meetings/{id:int}/report"] = [200, 404],
                // Without a file id there is no attachment to download.
                ["GET /processes/{slug}/calls/{callId:int}/applications/{applicationId:int}?handler=Attachment"] = [404],
                ["GET /api/v1/processes/{slug}/calls/{callId:int}/applications/{applicationId:int}/attachments/{fileId:int}"] = [404],
                // The sample practice has no document: there is none to download.
                ["GET /processes/{slug}/practices/{id:int}?handler=Attachment"] = [404],
                ["GET /api/v1/processes/{slug}/practices/{id:int}/attachments/{fileId:int}"] = [404],
                // IOM is not in the civil society registry.
                ["GET /organizations/{slug}?handler=Evidence"] = [404],
                ["GET /api/v1/civil-society/organizations/{slug}"] = [404],
                ["GET /organizations/{slug}/edit"] = [404],
                ["GET /api/v1/civil-society/organizations/{slug}/contacts"] = [404],
                // The demo call is open: its proposal, and the inputs published with it, come after its deadline.
                ["GET /api/v1/processes/{slug}/calls/{callId:int}/selection-inputs"] = [404],
                ["GET /api/v1/meetings/{id:int}/report"] = [200, 404],
                ["GET /meetings/{id:int}/report/print"] = [200, 404],
                ["GET /meetings/{id:int}/sessions/{sessionId:int}/report"] = [200, 404],
                ["GET /api/v1/meetings/{id:int}/sessions/{sessionId:int}/report"] = [200, 404],
            };
            // The sample profile of the directory: the demo focal point's.
            return new World(factory, cookies, ids, other.Slug, special, users[Reader.FocalPoint].Id);
        }

        private sealed record AppUserRef(string Id);

        public int[]? ExpectedStatus(Entry entry) => specialStatuses.GetValueOrDefault(entry.Key);

        public HttpClient ClientFor(Reader reader)
        {
            var container = new CookieContainer();
            var site = new Uri("http://localhost");
            foreach (var cookie in cookies.GetValueOrDefault(reader) ?? [])
            {
                container.SetCookies(site, cookie);
            }
            return factory.CreateDefaultClient(site, new CookieContainerHandler(container));
        }

        /// <summary>An antiforgery token for the reader: from the sign-out form every page carries for those signed in, from
        /// the sign-in form for anonymous visitors.</summary>
        public static async Task<string> TokenAsync(HttpClient client, bool signedIn)
        {
            var address = signedIn ? "/account" : "/account/sign-in";
            var html = await client.GetStringAsync(address);
            return Token().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException($"No antiforgery token on {address}.");
        }

        /// <summary>Whether the other process admits this reader to the same page or endpoint (its own people, by the same table).</summary>
        public bool AdmittedInOtherProcess(Reader reader, Rule rule) => reader switch
        {
            Reader.Administrator => true,
            _ when rule.Rapporteur is { } rapporteur && reader == Counterpart(rapporteur) => false,
            Reader.OtherSecretariat => rule.Readers.Contains(Reader.Secretariat),
            Reader.OtherChair => rule.Readers.Contains(Reader.Chair),
            Reader.OtherFocalPoint => rule.Readers.Contains(Reader.FocalPoint),
            Reader.OtherObserver => rule.Readers.Contains(Reader.Observer),
            Reader.OtherCivilSociety => rule.Readers.Contains(Reader.CivilSociety),
            _ => rule.Readers.Contains(Reader.NoRole),
        };

        public string Address(Entry entry, Variant variant, bool nonexistentLastId)
        {
            var slug = variant switch
            {
                Variant.Capitals => DemoData.ProcessSlug.ToUpperInvariant(),
                Variant.Capitalised => char.ToUpperInvariant(DemoData.ProcessSlug[0]) + DemoData.ProcessSlug[1..],
                Variant.OtherProcess => otherSlug,
                _ => DemoData.ProcessSlug,
            };
            var parameters = Parameter().Matches(entry.Pattern);
            var last = parameters.LastOrDefault(m => m.Value.Contains(":int", StringComparison.Ordinal))?.Index;
            var path = Parameter().Replace(entry.Pattern, m =>
            {
                var name = m.Groups[1].Value;
                if (nonexistentLastId && m.Index == last)
                {
                    return "987654";
                }
                return name switch
                {
                    "slug" when entry.Pattern.Contains("/organizations/", StringComparison.Ordinal) => "iom",
                    "slug" => slug,
                    "code" when entry.Pattern.Contains("sdg", StringComparison.Ordinal) => "10.7",
                    "code" => "fra",
                    "state" => "mar",
                    "token" => "not-a-calendar-token",
                    "person" => person,
                    "id" => Id(Regex.Match(entry.Pattern[..m.Index], @"/([\w-]+)/$").Groups[1].Value),
                    _ => Id(name),
                };
            });
            var query = entry.Handler is not null ? "?handler=" + entry.Handler
                : entry.Key == "GET /api/v1/search" ? "?q=demo"
                : "";
            return path.Replace("//", "/", StringComparison.Ordinal) + query;
        }

        private static Reader Counterpart(Reader reader) => reader switch
        {
            Reader.Secretariat => Reader.OtherSecretariat,
            Reader.Chair => Reader.OtherChair,
            Reader.FocalPoint => Reader.OtherFocalPoint,
            Reader.Observer => Reader.OtherObserver,
            Reader.CivilSociety => Reader.OtherCivilSociety,
            _ => reader,
        };

        private string Id(string name) =>
            ids.TryGetValue(name, out var id) ? id.ToString(CultureInfo.InvariantCulture) : throw new InvalidOperationException($"No sample id for {{{name}}}: add one to the matrix's World.");

        [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\??\}")]
        private static partial Regex Parameter();

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex Token();
    }
}
