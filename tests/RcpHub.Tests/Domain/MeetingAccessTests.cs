using FsCheck;
using FsCheck.Fluent;
using RcpHub.Domain;

namespace RcpHub.Tests.Domain;

public sealed class MeetingAccessTests
{
    private const int Midsa = 1;
    private const int ColomboProcess = 2;
    private const int Iom = 10;
    private const int CivilSocietyNetwork = 11;

    private static Meeting MeetingOf(MeetingAudience audience, int processId = Midsa, Action<Meeting>? configure = null)
    {
        var meeting = new Meeting { Id = 7, ProcessId = processId, Title = "Expert meeting", TimeZoneId = "UTC", Audience = audience };
        configure?.Invoke(meeting);
        return meeting;
    }

    private static MeetingReader Reader(params ReaderRole[] roles) => new("user-1", false, roles);

    [Fact]
    public void A_public_meeting_is_seen_by_everyone_even_anonymously()
    {
        var meeting = MeetingOf(MeetingAudience.Public);
        Assert.True(MeetingAccess.MayView(MeetingReader.Anonymous, meeting));
        Assert.True(MeetingAccess.MayView(Reader(), meeting));
    }

    [Theory]
    [InlineData(ProcessRole.Secretariat)]
    [InlineData(ProcessRole.Chair)]
    [InlineData(ProcessRole.FocalPoint)]
    public void A_members_only_meeting_is_seen_by_the_members_of_its_process(ProcessRole role)
    {
        Assert.True(MeetingAccess.MayView(Reader(new ReaderRole(Midsa, role, role == ProcessRole.FocalPoint ? "ZAF" : null)), MeetingOf(MeetingAudience.MembersOnly)));
    }

    [Fact]
    public void A_members_only_meeting_is_hidden_from_observers_civil_society_other_processes_and_anonymous_readers()
    {
        var meeting = MeetingOf(MeetingAudience.MembersOnly);
        Assert.False(MeetingAccess.MayView(MeetingReader.Anonymous, meeting));
        Assert.False(MeetingAccess.MayView(Reader(new ReaderRole(Midsa, ProcessRole.Observer)), meeting));
        Assert.False(MeetingAccess.MayView(Reader(new ReaderRole(Midsa, ProcessRole.CivilSociety, OrganizationId: CivilSocietyNetwork)), meeting));
        Assert.False(MeetingAccess.MayView(Reader(new ReaderRole(ColomboProcess, ProcessRole.Secretariat)), meeting));
        Assert.False(MeetingAccess.MayView(Reader(new ReaderRole(ColomboProcess, ProcessRole.FocalPoint, "IND")), meeting));
    }

    [Fact]
    public void Members_only_ignores_invitees_a_state_invited_does_not_open_it()
    {
        var meeting = MeetingOf(MeetingAudience.MembersOnly, configure: m => m.Invitees.Add(new MeetingInvitee { StateCode = "IND" }));
        Assert.False(MeetingAccess.MayView(Reader(new ReaderRole(ColomboProcess, ProcessRole.FocalPoint, "IND")), meeting));
    }

    [Fact]
    public void The_members_of_every_process_taking_part_in_a_Global_RCP_Meeting_see_it()
    {
        var meeting = MeetingOf(MeetingAudience.MembersOnly, configure: m => m.ParticipatingProcesses.Add(new MeetingProcess { ProcessId = ColomboProcess }));
        Assert.True(MeetingAccess.MayView(Reader(new ReaderRole(ColomboProcess, ProcessRole.FocalPoint, "IND")), meeting));
        Assert.False(MeetingAccess.MayView(Reader(new ReaderRole(3, ProcessRole.FocalPoint, "BRA")), meeting));
    }

    [Fact]
    public void Members_and_observers_opens_to_observers_but_not_to_civil_society()
    {
        var meeting = MeetingOf(MeetingAudience.MembersAndObservers);
        Assert.True(MeetingAccess.MayView(Reader(new ReaderRole(Midsa, ProcessRole.Observer, OrganizationId: Iom)), meeting));
        Assert.True(MeetingAccess.MayView(Reader(new ReaderRole(Midsa, ProcessRole.FocalPoint, "ZAF")), meeting));
        Assert.False(MeetingAccess.MayView(Reader(new ReaderRole(Midsa, ProcessRole.CivilSociety, OrganizationId: CivilSocietyNetwork)), meeting));
        Assert.False(MeetingAccess.MayView(Reader(new ReaderRole(ColomboProcess, ProcessRole.Observer)), meeting));
    }

    [Fact]
    public void By_invitation_opens_to_the_organisers_and_to_invited_states_organisations_and_persons_only()
    {
        var meeting = MeetingOf(MeetingAudience.ByInvitation, configure: m =>
        {
            m.Invitees.Add(new MeetingInvitee { StateCode = "IND" });
            m.Invitees.Add(new MeetingInvitee { OrganizationId = CivilSocietyNetwork });
            m.Invitees.Add(new MeetingInvitee { UserId = "guest" });
        });
        // Organisers.
        Assert.True(MeetingAccess.MayView(Reader(new ReaderRole(Midsa, ProcessRole.Secretariat)), meeting));
        Assert.True(MeetingAccess.MayView(Reader(new ReaderRole(Midsa, ProcessRole.Chair, "ZAF")), meeting));
        // An invited state's focal point, whichever process they hold the role in.
        Assert.True(MeetingAccess.MayView(Reader(new ReaderRole(ColomboProcess, ProcessRole.FocalPoint, "IND")), meeting));
        // An invited organisation's people, civil society included.
        Assert.True(MeetingAccess.MayView(Reader(new ReaderRole(Midsa, ProcessRole.CivilSociety, OrganizationId: CivilSocietyNetwork)), meeting));
        // An invited person, with no role anywhere.
        Assert.True(MeetingAccess.MayView(new MeetingReader("guest", false, []), meeting));

        // Members who are not invited, and anyone else.
        Assert.False(MeetingAccess.MayView(Reader(new ReaderRole(Midsa, ProcessRole.FocalPoint, "ZAF")), meeting));
        Assert.False(MeetingAccess.MayView(Reader(new ReaderRole(Midsa, ProcessRole.Observer, OrganizationId: Iom)), meeting));
        Assert.False(MeetingAccess.MayView(new MeetingReader("someone-else", false, []), meeting));
        Assert.False(MeetingAccess.MayView(MeetingReader.Anonymous, meeting));
    }

    [Fact]
    public void A_platform_administrator_sees_every_meeting()
    {
        foreach (var audience in Enum.GetValues<MeetingAudience>())
        {
            Assert.True(MeetingAccess.MayView(new MeetingReader("admin", true, []), MeetingOf(audience)));
        }
    }

    [Fact]
    public void A_published_summary_shows_to_everyone_but_does_not_open_the_meeting()
    {
        var published = MeetingOf(MeetingAudience.MembersOnly, configure: m => (m.PublicSummary, m.SummaryPublished) = ("Agreed on a plan.", true));
        var draft = MeetingOf(MeetingAudience.MembersOnly, configure: m => m.PublicSummary = "Draft.");
        Assert.True(MeetingAccess.MaySeeSummary(MeetingReader.Anonymous, published));
        Assert.False(MeetingAccess.MayView(MeetingReader.Anonymous, published));
        Assert.False(MeetingAccess.MaySeeSummary(MeetingReader.Anonymous, draft));
    }

    [Fact]
    public void Only_the_secretariat_of_the_convening_process_and_administrators_manage_a_meeting()
    {
        Assert.True(MeetingAccess.MayManage(Reader(new ReaderRole(Midsa, ProcessRole.Secretariat)), Midsa));
        Assert.True(MeetingAccess.MayManage(new MeetingReader("admin", true, []), Midsa));
        Assert.False(MeetingAccess.MayManage(Reader(new ReaderRole(Midsa, ProcessRole.Chair)), Midsa));
        Assert.False(MeetingAccess.MayManage(Reader(new ReaderRole(ColomboProcess, ProcessRole.Secretariat)), Midsa));
    }

    [Fact]
    public void A_reader_with_no_tie_to_a_meeting_sees_it_only_when_it_is_public()
    {
        // Whatever roles a reader holds elsewhere, a meeting of a process they have no role in, to which nothing of
        // theirs is invited, is visible only when public.
        Prop.ForAll(
            Gen.Elements(Enum.GetValues<MeetingAudience>()).ToArbitrary(),
            Gen.ListOf(Gen.Elements(Enum.GetValues<ProcessRole>())).ToArbitrary(),
            Gen.Elements("IND", "BRA", "FRA").ToArbitrary(),
            (audience, roles, state) =>
            {
                var meeting = MeetingOf(audience, configure: m => m.Invitees.Add(new MeetingInvitee { StateCode = "ZAF" }));
                var reader = Reader([.. roles.Select(r => new ReaderRole(ColomboProcess, r, state, Iom))]);
                return MeetingAccess.MayView(reader, meeting) == (audience == MeetingAudience.Public);
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void The_filter_for_queries_and_the_check_on_a_loaded_meeting_give_the_same_answer()
    {
        // The query form (the rule with one reader's facts put in) run over objects, against the compiled rule: both come
        // from the one expression, and must agree for every audience, role and invitation.
        Prop.ForAll(
            Gen.Elements(Enum.GetValues<MeetingAudience>()).ToArbitrary(),
            Gen.ListOf(Gen.Elements(Enum.GetValues<ProcessRole>())).ToArbitrary(),
            Gen.Choose(0, 11).ToArbitrary(),
            (audience, roles, variant) =>
            {
                var (processId, shape) = (variant % 2 == 0 ? Midsa : ColomboProcess, variant / 2);
                var meeting = MeetingOf(audience, configure: m =>
                {
                    m.SummaryPublished = shape == 1;
                    if (shape == 2) { m.Invitees.Add(new MeetingInvitee { StateCode = "ZAF" }); }
                    if (shape == 3) { m.Invitees.Add(new MeetingInvitee { OrganizationId = Iom }); }
                    if (shape == 4) { m.Invitees.Add(new MeetingInvitee { UserId = "user-1" }); }
                    if (shape == 5) { m.ParticipatingProcesses.Add(new MeetingProcess { ProcessId = ColomboProcess }); }
                });
                var reader = Reader([.. roles.Select(r => new ReaderRole(processId, r, r == ProcessRole.FocalPoint ? "ZAF" : null, r is ProcessRole.Observer or ProcessRole.CivilSociety ? Iom : null))]);
                var meetings = new[] { meeting }.AsQueryable();
                return meetings.Any(MeetingAccess.VisibleTo(reader)) == MeetingAccess.MayView(reader, meeting)
                    && meetings.Any(MeetingAccess.SummaryVisibleTo(reader)) == MeetingAccess.MaySeeSummary(reader, meeting);
            }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Items_move_up_the_chain_never_back_in_time_or_down_in_level()
    {
        var start = new DateTimeOffset(2027, 3, 1, 6, 0, 0, TimeSpan.Zero);
        Meeting At(int id, MeetingLevel level, int days, int processId = Midsa) => new()
        {
            Id = id, ProcessId = processId, Title = "m", TimeZoneId = "UTC", Level = level, StartsAtUtc = start.AddDays(days), EndsAtUtc = start.AddDays(days).AddHours(8),
        };
        var expert = At(1, MeetingLevel.Expert, 0);
        Assert.True(MeetingChain.MayForward(expert, At(2, MeetingLevel.SeniorOfficials, 30)));
        Assert.True(MeetingChain.MayForward(expert, At(3, MeetingLevel.Expert, 30)));
        Assert.True(MeetingChain.MayForward(At(4, MeetingLevel.SeniorOfficials, 0), At(5, MeetingLevel.Ministerial, 1)));
        Assert.False(MeetingChain.MayForward(At(6, MeetingLevel.Ministerial, 0), At(7, MeetingLevel.SeniorOfficials, 30)));
        Assert.False(MeetingChain.MayForward(expert, At(8, MeetingLevel.Ministerial, -1)));
        Assert.False(MeetingChain.MayForward(expert, expert));
        Assert.False(MeetingChain.MayForward(expert, At(9, MeetingLevel.Ministerial, 30, ColomboProcess)));
        var cancelled = At(10, MeetingLevel.Ministerial, 30);
        cancelled.Status = MeetingStatus.Cancelled;
        Assert.False(MeetingChain.MayForward(expert, cancelled));
    }
}
