using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Demo;

/// <summary><c>--demo</c>: loads a clearly marked, fictitious process with members, chairs, bodies and one demo
/// account per role, so that every feature can be tried in minutes. Safe to run at every start: what exists is kept.
/// <c>remove-demo</c> takes it all away again.</summary>
public static class DemoData
{
    public const string ProcessSlug = "demo";

    /// <summary>The flag that loads the demo outside Development, where it would otherwise be refused: the demo
    /// creates a platform administrator whose password is printed to whoever reads the console or its log.</summary>
    public const string ForceFlag = "--force-demo";

    /// <summary>Why <c>--demo</c> is refused in this environment, or null when it may run.</summary>
    public static string? Refusal(IHostEnvironment environment, string[] args) =>
        environment.IsDevelopment() || args.Contains(ForceFlag) ? null
        : $"--demo creates demo accounts, a platform administrator among them, and is refused in the {environment.EnvironmentName} environment. "
          + $"Run it in Development, or add {ForceFlag} to load it here anyway; remove it later with `remove-demo`.";

    /// <summary>A password nobody can guess from the source or the README; with <c>Demo:Password</c> configured, that one.</summary>
    private static string NewPassword(string? configured) =>
        configured is { Length: > 0 } ? configured
        : string.Join('-', Enumerable.Range(0, 4).Select(_ => RandomNumberGenerator.GetString("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 5)));

    public sealed record DemoAccount(string Email, string Name, ProcessRole? Role, bool IsAdministrator = false, string? StateCode = null, string? Ministry = null);

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin@demo.rcphub.test", "Demo Administrator", null, IsAdministrator: true),
        new("secretariat@demo.rcphub.test", "Demo Secretariat", ProcessRole.Secretariat),
        new("chair@demo.rcphub.test", "Demo Chair", ProcessRole.Chair),
        new("focal-point@demo.rcphub.test", "Demo Focal Point", ProcessRole.FocalPoint, StateCode: "MAR", Ministry: "Ministry of Interior"),
        new("observer@demo.rcphub.test", "Demo Observer", ProcessRole.Observer),
        new("civil-society@demo.rcphub.test", "Demo Civil Society", ProcessRole.CivilSociety),
    ];

    private static readonly string[] MemberStates = ["MAR", "ESP", "FRA", "DEU", "ITA", "SEN", "NGA"];
    private static readonly string[] ObserverStates = ["CAN", "JPN"];

    public static async Task LoadAsync(IServiceProvider services, TextWriter? output = null, CancellationToken ct = default)
    {
        output ??= Console.Out;
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditInterceptor>().ActingUserName = "system (demo)";
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var configuredPassword = scope.ServiceProvider.GetRequiredService<IConfiguration>()["Demo:Password"];
        var passwords = new Dictionary<string, string>(StringComparer.Ordinal);
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        var existing = await db.Processes.Where(p => p.Slug == ProcessSlug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var processId = existing ?? await CreateProcessAsync(db, clock.Today(), ct);
        var userIds = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var account in Accounts)
        {
            var user = await users.FindByEmailAsync(account.Email);
            if (user is null)
            {
                user = new AppUser
                {
                    UserName = account.Email,
                    Email = account.Email,
                    EmailConfirmed = true,
                    DisplayName = account.Name,
                    IsDemo = true,
                    IsPlatformAdministrator = account.IsAdministrator,
                };
                var password = NewPassword(configuredPassword);
                var created = await users.CreateAsync(user, password);
                passwords[account.Email] = password;
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException(
                        $"Demo account {account.Email} not created (check Demo:Password): {string.Join(" ", created.Errors.Select(e => e.Description))}");
                }
            }
            userIds[account.Email] = user.Id;
            if (account.Role is { } role && !await db.ProcessRoleAssignments.AnyAsync(a => a.UserId == user.Id && a.ProcessId == processId && a.Role == role && a.RevokedAt == null, ct))
            {
                db.ProcessRoleAssignments.Add(new ProcessRoleAssignment
                {
                    UserId = user.Id,
                    ProcessId = processId,
                    Role = role,
                    StateCode = account.StateCode,
                    Ministry = account.Ministry,
                    GrantedAt = clock.GetUtcNow(),
                });
                await db.SaveChangesAsync(ct);
            }
        }

        if (existing is null)
        {
            await AddCivilSocietyRegistryAsync(db, processId, userIds, clock.GetUtcNow(), ct);
            await AddMeetingWorkAsync(db, processId, userIds, clock.GetUtcNow(), ct);
            await DemoCalls.AddAsync(db, processId, userIds, clock.GetUtcNow(), ct);
            await DemoDataRequests.AddAsync(db, processId, userIds, clock.GetUtcNow(), ct);
        }

        await output.WriteLineAsync("Demo data: the process \"DEMO\" (/processes/demo) and these accounts (remove them all with `remove-demo`):");
        foreach (var account in Accounts)
        {
            var password = passwords.TryGetValue(account.Email, out var p) ? p : "(password unchanged since it was created)";
            await output.WriteLineAsync($"  {account.Email,-34} {(account.IsAdministrator ? "platform administrator" : account.Role.ToString()),-22} {password}");
        }
    }

    /// <summary><c>remove-demo</c>: deletes the demo process with everything in it (the database cascades from the
    /// process to its memberships, bodies, meetings and what they hold) and the demo accounts.</summary>
    public static async Task<int> RemoveAsync(IServiceProvider services, TextWriter output, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<AuditInterceptor>().ActingUserName = "system (remove-demo)";
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var processes = await db.Processes.Where(p => p.IsDemo).ToListAsync(ct);
        db.Processes.RemoveRange(processes);
        await db.SaveChangesAsync(ct);
        // Once the process (and with it what the organisations did in it: applications, caucus stances, statements) is gone.
        db.Organizations.RemoveRange(await db.Organizations.Where(o => DemoOrganizations.Contains(o.Slug)).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        var accounts = await db.Users.Where(u => u.IsDemo).ToListAsync(ct);
        foreach (var user in accounts)
        {
            var deleted = await users.DeleteAsync(user);
            if (!deleted.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {user.Email} not deleted: {string.Join(" ", deleted.Errors.Select(e => e.Description))}");
            }
        }
        await output.WriteLineAsync($"Demo data removed: {processes.Count} process(es), {accounts.Count} account(s).");
        return 0;
    }

    private static async Task<int> CreateProcessAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        string[] themeNames = ["Labour migration", "Migration data"];
        var themes = await db.Themes.Where(t => themeNames.Contains(t.Name)).ToListAsync(ct);
        var process = new Process
        {
            Slug = ProcessSlug,
            IsDemo = true,
            Acronym = "DEMO",
            Name = "DEMO — Demonstration Process (not a real process)",
            Kind = ProcessKind.RegionalConsultativeProcess,
            Region = "Demonstration (fictitious)",
            Status = ProcessStatus.Active,
            FoundedYear = today.Year - 4,
            SecretariatDescription = "Demo secretariat (fictitious).",
            ChairDescription = "Annual rotation among the member states, in the order below.",
            Notes = "Demo data loaded by the --demo option: this process, its memberships, chairs, bodies and accounts are fictitious and exist only to try RcpHub. It is not a real process.",
            ChairTermMonths = 12,
            Themes = themes,
            Memberships =
            [
                .. MemberStates.Select(code => new Membership { StateCode = code, Role = MembershipRole.Member, JoinedOn = new DateOnly(today.Year - 4, 3, 1) }),
                .. ObserverStates.Select(code => new Membership { StateCode = code, Role = MembershipRole.Observer, JoinedOn = new DateOnly(today.Year - 2, 6, 1) }),
                // A former member: the history shows it, the current list does not.
                new Membership { StateCode = "PRT", Role = MembershipRole.Member, JoinedOn = new DateOnly(today.Year - 4, 3, 1), LeftOn = new DateOnly(today.Year - 1, 12, 31) },
            ],
            ChairTerms =
            [
                new ChairTerm { StateCode = "SEN", StartYear = today.Year - 1, StartsOn = new DateOnly(today.Year - 1, 1, 1), EndsOn = new DateOnly(today.Year - 1, 12, 31), EndYear = today.Year - 1 },
                new ChairTerm { StateCode = "MAR", StartYear = today.Year, StartsOn = new DateOnly(today.Year, 1, 1), EndsOn = new DateOnly(today.Year, 12, 31), EndYear = today.Year },
            ],
            ChairRotation = [.. MemberStates.Select((code, i) => new ChairRotationSlot { StateCode = code, Position = i + 1 })],
            Bodies =
            [
                new Body
                {
                    Kind = BodyKind.SteeringCommittee,
                    Name = "DEMO Steering Committee",
                    Mandate = "Prepares the annual ministerial meeting and follows the work plan (demo).",
                    EstablishedOn = new DateOnly(today.Year - 4, 3, 1),
                    Members =
                    [
                        new BodyMember { StateCode = "MAR", IsChair = true },
                        new BodyMember { StateCode = "ESP" },
                        new BodyMember { StateCode = "SEN" },
                    ],
                },
                new Body
                {
                    Kind = BodyKind.WorkingGroup,
                    Name = "DEMO Working Group on Labour Migration",
                    Mandate = "Exchanges practice on fair recruitment and skills recognition (demo).",
                    EstablishedOn = new DateOnly(today.Year - 3, 9, 15),
                    Members =
                    [
                        new BodyMember { StateCode = "FRA", IsChair = true },
                        new BodyMember { StateCode = "ITA" },
                        new BodyMember { StateCode = "NGA" },
                    ],
                },
            ],
        };
        db.Processes.Add(process);
        await db.SaveChangesAsync(ct);
        var meetings = DemoMeetings(process.Id, today).ToList();
        db.Meetings.AddRange(meetings);
        db.Documents.Add(Documents.DemoDocument.ConceptNote(meetings[0], DateTimeOffset.UtcNow));
        await db.SaveChangesAsync(ct);
        return process.Id;
    }

    /// <summary>What the held expert meeting produced, written once the accounts exist (a rapporteur and the authors of
    /// reports and delegations are accounts): speakers and the focal point as rapporteur, Morocco's confirmed delegation
    /// and Senegal's awaiting confirmation, the session report with key points and recommendations, and the meeting
    /// report adopted by the chair.</summary>
    /// <summary>The civil society organisations of the demo (issue 11), removed with it.</summary>
    public static readonly string[] DemoOrganizations = ["demo-migrant-voices", "demo-rights-association", "demo-sahel-diaspora"];

    /// <summary>A demo organisation by its slug (one of <see cref="DemoOrganizations"/>): the registry's when it made it,
    /// otherwise a new one, so that the caucus and the calls of the demo speak of the same organisations.</summary>
    public static async Task<Organization> OrganizationAsync(AppDbContext db, string slug, string name, CancellationToken ct) =>
        await db.Organizations.FirstOrDefaultAsync(o => o.Slug == slug, ct)
        ?? db.Organizations.Add(new Organization { Slug = slug, Name = name, Kind = OrganizationKind.CivilSociety }).Entity;

    /// <summary>Two civil society organisations in the registry: one verified by the demo secretariat and invited to the
    /// demo's public ministerial meeting, one still waiting; the demo civil society account is contact person of both.</summary>
    private static async Task AddCivilSocietyRegistryAsync(AppDbContext db, int processId, Dictionary<string, string> userIds, DateTimeOffset now, CancellationToken ct)
    {
        var civilSociety = userIds["civil-society@demo.rcphub.test"];
        var themes = await db.Themes.OrderBy(t => t.Id).Select(t => t.Id).Take(2).ToListAsync(ct);
        var verified = new Organization
        {
            Slug = DemoOrganizations[0],
            Name = "Migrant Voices Network (demo)",
            Acronym = "MVN",
            Kind = OrganizationKind.CivilSociety,
            CivilSocietyType = CivilSocietyType.Network,
            MigrantLed = true,
            CountryCodes = ["MAR", "SEN", "ESP"],
            Languages = ["en", "fr", "ar"],
            Themes = [.. themes.Select(id => new OrganizationTheme { ThemeId = id })],
            Website = "https://example.org/migrant-voices",
            Description = "A network of migrant and diaspora associations along the Atlantic route (demo).",
            RegisteredAt = now.AddDays(-60),
            Verification = VerificationStatus.Verified,
            VerifiedAt = now.AddDays(-50),
            VerifiedByUserId = userIds["secretariat@demo.rcphub.test"],
            VerificationNote = "Statutes and registration certificate checked (demo).",
        };
        var waiting = new Organization
        {
            Slug = DemoOrganizations[1],
            Name = "Rights at Work Association (demo)",
            Kind = OrganizationKind.CivilSociety,
            CivilSocietyType = CivilSocietyType.TradeUnion,
            CountryCodes = ["FRA", "ITA"],
            Languages = ["fr", "it"],
            RegisteredAt = now.AddDays(-3),
        };
        db.Organizations.AddRange(verified, waiting);
        db.OrganizationRepresentatives.AddRange(
            new OrganizationRepresentative { Organization = verified, UserId = civilSociety, AddedAt = now.AddDays(-60) },
            new OrganizationRepresentative { Organization = waiting, UserId = civilSociety, AddedAt = now.AddDays(-3) });
        await db.SaveChangesAsync(ct);
        var role = await db.ProcessRoleAssignments.FirstAsync(a => a.UserId == civilSociety && a.ProcessId == processId && a.Role == ProcessRole.CivilSociety, ct);
        role.OrganizationId = verified.Id;
        var ministers = await db.Meetings.Where(m => m.ProcessId == processId && m.Audience == MeetingAudience.Public).OrderBy(m => m.Id).FirstOrDefaultAsync(ct);
        if (ministers is not null)
        {
            db.MeetingInvitees.Add(new MeetingInvitee { Meeting = ministers, OrganizationId = verified.Id });
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task AddMeetingWorkAsync(AppDbContext db, int processId, Dictionary<string, string> userIds, DateTimeOffset now, CancellationToken ct)
    {
        var experts = await db.Meetings.Include(m => m.Sessions)
            .Where(m => m.ProcessId == processId && m.Level == MeetingLevel.Expert).OrderBy(m => m.Id).FirstAsync(ct);
        var session = experts.Sessions.OrderBy(s => s.Position).First();
        var focalPoint = userIds["focal-point@demo.rcphub.test"];
        var iom = await db.Organizations.Where(o => o.Slug == "iom").Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);

        session.RapporteurUserId = focalPoint;
        session.People.AddRange(
        [
            new SessionPerson { Role = SessionRole.Speaker, Position = 2, Name = "Amina El Idrissi (demo)", StateCode = "MAR" },
            new SessionPerson { Role = SessionRole.Speaker, Position = 3, Name = "Moussa Diop (demo)", StateCode = "SEN" },
            new SessionPerson { Role = SessionRole.Speaker, Position = 4, Name = "Claire Martin (demo)", OrganizationId = iom },
        ]);
        db.Delegations.AddRange(
            new Delegation
            {
                Meeting = experts,
                StateCode = "MAR",
                Status = DelegationStatus.Confirmed,
                RegisteredByUserId = focalPoint,
                RegisteredAt = now.AddDays(-70),
                ReviewedAt = now.AddDays(-68),
                Delegates =
                [
                    new DelegationMember { Position = 1, Name = "Youssef Benali (demo)", Function = "Director of Migration", Ministry = "Ministry of Interior", Gender = Gender.Man, IsHead = true },
                    new DelegationMember { Position = 2, Name = "Salma Haddad (demo)", Function = "Head of Labour Mobility", Ministry = "Ministry of Labour", Gender = Gender.Woman },
                    new DelegationMember { Position = 3, Name = "Karim Tazi (demo)", Function = "Counsellor", Ministry = "Ministry of Foreign Affairs", Gender = Gender.Man },
                ],
            },
            new Delegation
            {
                Meeting = experts,
                StateCode = "SEN",
                Status = DelegationStatus.Registered,
                RegisteredByUserId = userIds["secretariat@demo.rcphub.test"],
                RegisteredAt = now.AddDays(-65),
                Delegates =
                [
                    new DelegationMember { Position = 1, Name = "Aïssatou Ndiaye (demo)", Function = "Director of Senegalese Abroad", Ministry = "Ministry of Foreign Affairs", Gender = Gender.Woman, IsHead = true },
                    new DelegationMember { Position = 2, Name = "Ousmane Fall (demo)", Function = "Labour inspector", Ministry = "Ministry of Labour", Gender = Gender.Man },
                ],
            });
        var sessionReport = new SessionReportVersion
        {
            Session = session,
            Number = 1,
            Summary = "States compared how they license and monitor private recruitment agencies (demo).",
            Discussion = "Delegations described national registers of agencies and the fees workers still pay. Several asked for a shared list of agencies whose licence was withdrawn (demo).",
            SavedByUserId = focalPoint,
            SavedAt = now.AddDays(-59),
            Points =
            [
                new ReportPoint { Kind = ReportPointKind.KeyPoint, Position = 1, Text = "Recruitment fees charged to workers remain common (demo)." },
                new ReportPoint { Kind = ReportPointKind.KeyPoint, Position = 2, Text = "National registers of agencies exist in four member states (demo)." },
                new ReportPoint { Kind = ReportPointKind.Recommendation, Position = 1, Text = "Share, twice a year, the list of agencies whose licence was withdrawn (demo)." },
                new ReportPoint { Kind = ReportPointKind.Recommendation, Position = 2, Text = "Prepare a regional guide on the employer-pays principle for the Senior Officials' Meeting (demo)." },
            ],
        };
        db.SessionReportVersions.Add(sessionReport);
        db.MeetingReportVersions.Add(new MeetingReportVersion
        {
            Meeting = experts,
            Number = 1,
            Introduction = "The Expert Meeting on Labour Migration met in Rabat with seven member states and IOM (demo).",
            SavedByUserId = userIds["chair@demo.rcphub.test"],
            SavedAt = now.AddDays(-55),
            AdoptedAt = now.AddDays(-55),
            Entries = [new MeetingReportEntry { SessionReport = sessionReport }],
        });
        experts.Status = MeetingStatus.ReportAdopted;
        await db.SaveChangesAsync(ct);
        await AddFollowUpAsync(db, processId, experts, sessionReport, userIds, now, ct);
        // Civil society caucus and statements (issue 11).
        await Caucus.DemoCaucus.AddAsync(db, processId, experts, userIds["civil-society@demo.rcphub.test"], now, ct);
    }

    /// <summary>The outputs cycle: recommendations adopted at the expert meeting (one carried from its session report),
    /// a draft declaration open to comments, an evaluation round open until next month with Morocco's reports in it.</summary>
    private static async Task AddFollowUpAsync(
        AppDbContext db, int processId, Meeting experts, SessionReportVersion sessionReport, Dictionary<string, string> userIds, DateTimeOffset now, CancellationToken ct)
    {
        var secretariat = userIds["secretariat@demo.rcphub.test"];
        var focalPoint = userIds["focal-point@demo.rcphub.test"];
        var adoptedOn = DateOnly.FromDateTime(now.AddDays(-55).UtcDateTime);
        var carried = sessionReport.Points.First(p => p.Kind == ReportPointKind.Recommendation);
        var recommendations = new Output
        {
            ProcessId = processId,
            Meeting = experts,
            AdoptedAtMeeting = experts,
            Kind = OutputKind.Recommendations,
            Title = "Recommendations on fair recruitment (demo)",
            OriginalLanguage = "en",
            Audience = MeetingAudience.MembersOnly,
            AdoptedOn = adoptedOn,
            CreatedAt = now.AddDays(-58),
            UpdatedAt = now.AddDays(-55),
            Versions =
            [
                new OutputVersion
                {
                    Number = 1,
                    Text = "The member states, meeting in Rabat, recommend the following on fair recruitment (demo).\n\nThey will report on their progress one year after adoption (demo).",
                    SavedByUserId = secretariat,
                    SavedAt = now.AddDays(-58),
                },
            ],
            Recommendations =
            [
                new Recommendation
                {
                    Number = 1,
                    OriginalLanguage = "en",
                    Text = carried.Text,
                    SourcePoint = carried,
                    ToAllMembers = true,
                    GcmObjectives = [new RecommendationGcmObjective { Objective = 6 }],
                    SdgTargets = [new RecommendationSdgTarget { Code = "10.7" }, new RecommendationSdgTarget { Code = "10.c" }],
                    Translations = [new RecommendationTranslation { Language = "fr", Text = "Partager, deux fois par an, la liste des agences dont la licence a été retirée (démo).", Status = TranslationStatus.Final }],
                },
                new Recommendation
                {
                    Number = 2,
                    OriginalLanguage = "en",
                    Text = "Set up a national register of private recruitment agencies open to the public (demo).",
                    States = [new RecommendationState { StateCode = "MAR" }, new RecommendationState { StateCode = "SEN" }],
                    GcmObjectives = [new RecommendationGcmObjective { Objective = 6 }, new RecommendationGcmObjective { Objective = 3 }],
                    SdgTargets = [new RecommendationSdgTarget { Code = "8.8" }],
                },
                new Recommendation
                {
                    Number = 3,
                    OriginalLanguage = "en",
                    Text = "Compile the national registers into a regional overview before the Senior Officials' Meeting (demo).",
                    ToSecretariat = true,
                    GcmObjectives = [new RecommendationGcmObjective { Objective = 1 }],
                },
            ],
            Positions =
            [
                new OutputPosition { StateCode = "MAR", Kind = StatePositionKind.Endorsed, On = adoptedOn, RecordedByUserId = secretariat, RecordedAt = now.AddDays(-55) },
                new OutputPosition { StateCode = "ESP", Kind = StatePositionKind.Endorsed, On = adoptedOn, RecordedByUserId = secretariat, RecordedAt = now.AddDays(-55) },
                new OutputPosition
                {
                    StateCode = "DEU",
                    Kind = StatePositionKind.Reservation,
                    ReservationText = "Germany reserves its position on recommendation 2 pending federal consultation (demo).",
                    On = adoptedOn,
                    RecordedByUserId = secretariat,
                    RecordedAt = now.AddDays(-55),
                },
            ],
        };
        db.Outputs.Add(recommendations);
        var draft = new Output
        {
            ProcessId = processId,
            Kind = OutputKind.Declaration,
            Title = "Rabat Declaration on Labour Mobility (demo draft)",
            OriginalLanguage = "en",
            Audience = MeetingAudience.Public,
            CreatedAt = now.AddDays(-20),
            UpdatedAt = now.AddDays(-10),
            Versions =
            [
                new OutputVersion
                {
                    Number = 1,
                    Text = "We, the ministers of the member states, meeting in Rabat (demo).\n\nCommit to fair and ethical recruitment (demo).",
                    SavedByUserId = secretariat,
                    SavedAt = now.AddDays(-20),
                },
                new OutputVersion
                {
                    Number = 2,
                    Text = "We, the ministers of the member states, meeting in Rabat (demo).\n\nCommit to fair and ethical recruitment, with no fees charged to workers (demo).\n\nAsk the secretariat to report on progress in one year (demo).",
                    Note = "Comments from Morocco and Senegal taken in (demo).",
                    SavedByUserId = secretariat,
                    SavedAt = now.AddDays(-10),
                },
            ],
        };
        db.Outputs.Add(draft);
        await db.SaveChangesAsync(ct);

        db.OutputComments.Add(new OutputComment
        {
            OutputVersionId = draft.Versions[0].Id,
            Paragraph = 2,
            StateCode = "MAR",
            AuthorUserId = focalPoint,
            Text = "Please say that no fees are charged to workers (demo).",
            At = now.AddDays(-15),
        });
        var round = new EvaluationRound
        {
            ProcessId = processId,
            Title = "First evaluation of the fair recruitment recommendations (demo)",
            Output = recommendations,
            OpensAt = now.AddDays(-5),
            DeadlineAt = now.AddDays(30),
            OpenedByUserId = secretariat,
            CreatedAt = now.AddDays(-5),
        };
        db.EvaluationRounds.Add(round);
        await db.SaveChangesAsync(ct);
        db.FollowUpReports.AddRange(
            new FollowUpReport
            {
                ProcessId = processId,
                Recommendation = recommendations.Recommendations[0],
                StateCode = "MAR",
                RoundId = round.Id,
                RoundKey = round.Id,
                Sequence = 1,
                IsLatest = true,
                IsLatestAcrossRounds = true,
                Status = ImplementationStatus.InProgress,
                Action = "The list of withdrawn licences is published on the ministry's site; sharing with the region starts next quarter (demo).",
                ResponsibleMinistry = "Ministry of Labour",
                EvidenceLinks = ["https://example.org/demo/licences"],
                On = DateOnly.FromDateTime(now.AddDays(-3).UtcDateTime),
                ReportedByUserId = focalPoint,
                ReportedAt = now.AddDays(-3),
                Review = ReviewState.Submitted,
            },
            new FollowUpReport
            {
                ProcessId = processId,
                Recommendation = recommendations.Recommendations[1],
                StateCode = "MAR",
                RoundId = round.Id,
                RoundKey = round.Id,
                Sequence = 1,
                IsLatest = true,
                IsLatestAcrossRounds = true,
                Status = ImplementationStatus.Implemented,
                Action = "The national register of recruitment agencies opened to the public (demo).",
                ResponsibleMinistry = "Ministry of Labour",
                On = DateOnly.FromDateTime(now.AddDays(-4).UtcDateTime),
                ReportedByUserId = focalPoint,
                ReportedAt = now.AddDays(-3),
                Review = ReviewState.Validated,
                ReviewedByUserId = secretariat,
                ReviewedAt = now.AddDays(-2),
            });
        await db.SaveChangesAsync(ct);
        await AddPolicyImpactAsync(db, processId, experts, recommendations, userIds, now, ct);
        await Practices.DemoPractices.AddAsync(db, processId, focalPoint, secretariat, now, ct);
    }

    /// <summary>Morocco's law answering recommendation 2 (members only, since its output is), and a small public action
    /// plan adopted at the expert meeting with one recommendation to all members, so that the public accountability page
    /// shows something; Morocco reported on it.</summary>
    private static async Task AddPolicyImpactAsync(
        AppDbContext db, int processId, Meeting experts, Output membersOnly, Dictionary<string, string> userIds, DateTimeOffset now, CancellationToken ct)
    {
        var secretariat = userIds["secretariat@demo.rcphub.test"];
        var focalPoint = userIds["focal-point@demo.rcphub.test"];
        var theme = await db.Themes.OrderBy(t => t.Id).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        db.PolicyChanges.Add(new PolicyChange
        {
            ProcessId = processId,
            StateCode = "MAR",
            Title = "Law on private recruitment agencies and their public register (demo)",
            Kind = PolicyChangeKind.Law,
            On = DateOnly.FromDateTime(now.AddDays(-10).UtcDateTime),
            Link = "https://example.org/demo/recruitment-law",
            Description = "Licences are published and withdrawn licences listed in a register open to the public (demo).",
            Recommendations = [new PolicyChangeRecommendation { RecommendationId = membersOnly.Recommendations[1].Id }],
            Themes = theme is { } t ? [new PolicyChangeTheme { ThemeId = t }] : [],
            RecordedByUserId = focalPoint,
            RecordedAt = now.AddDays(-2),
            UpdatedAt = now.AddDays(-2),
        });
        var adoptedOn = DateOnly.FromDateTime(now.AddDays(-55).UtcDateTime);
        var plan = new Output
        {
            ProcessId = processId,
            Meeting = experts,
            AdoptedAtMeeting = experts,
            Kind = OutputKind.ActionPlan,
            Title = "Action plan on labour migration data (demo)",
            OriginalLanguage = "en",
            Audience = MeetingAudience.Public,
            AdoptedOn = adoptedOn,
            CreatedAt = now.AddDays(-56),
            UpdatedAt = now.AddDays(-55),
            Versions = [new OutputVersion { Number = 1, Text = "The member states will publish yearly figures on labour migration (demo).", SavedByUserId = secretariat, SavedAt = now.AddDays(-56) }],
            Recommendations =
            [
                new Recommendation
                {
                    Number = 1,
                    OriginalLanguage = "en",
                    Text = "Publish yearly figures on labour migration, by sex and sector (demo).",
                    ToAllMembers = true,
                    GcmObjectives = [new RecommendationGcmObjective { Objective = 1 }],
                },
            ],
        };
        db.Outputs.Add(plan);
        await db.SaveChangesAsync(ct);
        db.FollowUpReports.Add(new FollowUpReport
        {
            ProcessId = processId,
            RecommendationId = plan.Recommendations[0].Id,
            StateCode = "MAR",
            RoundKey = 0,
            Sequence = 1,
            IsLatest = true,
            IsLatestAcrossRounds = true,
            Status = ImplementationStatus.Planned,
            Action = "The statistics office will publish the first figures next year (demo).",
            On = DateOnly.FromDateTime(now.AddDays(-6).UtcDateTime),
            ReportedByUserId = focalPoint,
            ReportedAt = now.AddDays(-6),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A held expert meeting and an upcoming senior officials' meeting, members only, each with an agenda and a
    /// session; and a ministerial meeting next year that is public, with its summary published.</summary>
    private static IEnumerable<Meeting> DemoMeetings(int processId, DateOnly today)
    {
        Meeting Meeting(string title, MeetingLevel level, MeetingStatus status, DateOnly day, string venue, string host) => new()
        {
            ProcessId = processId,
            Title = title,
            Level = level,
            Format = MeetingFormat.RegularMeeting,
            Status = status,
            HostStateCode = host,
            Venue = venue,
            TimeZoneId = "UTC",
            StartsAtUtc = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero),
            EndsAtUtc = new DateTimeOffset(day.AddDays(1).ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero),
            WorkingLanguages = ["en", "fr", "ar"],
            Audience = MeetingAudience.MembersOnly,
            CreatedAt = DateTimeOffset.UtcNow,
            UpdatedAt = DateTimeOffset.UtcNow,
            AgendaItems =
            [
                new AgendaItem { Position = 1, Title = "Opening and adoption of the agenda (demo)" },
                new AgendaItem { Position = 2, Title = "Fair recruitment: national practice (demo)" },
            ],
            Sessions =
            [
                new Session
                {
                    Position = 1, Code = "Session 1", Title = "Fair recruitment (demo session)", GuidingQuestions = "What works?\nWhat should the region do next?",
                    People = [new SessionPerson { Role = SessionRole.Chair, Position = 1, Name = "Demo Chair", StateCode = "MAR" }],
                },
            ],
        };
        yield return Meeting("DEMO Expert Meeting on Labour Migration", MeetingLevel.Expert, MeetingStatus.Held, today.AddMonths(-2), "Rabat (demo)", "MAR");
        yield return Meeting("DEMO Senior Officials' Meeting", MeetingLevel.SeniorOfficials, MeetingStatus.Planned, today.AddMonths(2), "Dakar (demo)", "SEN");
        var ministers = Meeting("DEMO Ministerial Conference", MeetingLevel.Ministerial, MeetingStatus.Planned, today.AddMonths(8), "Madrid (demo)", "ESP");
        ministers.Audience = MeetingAudience.Public;
        ministers.PublicSummary = "Ministers will adopt a declaration on fair recruitment and labour mobility in the region (demo).";
        ministers.SummaryPublished = true;
        yield return ministers;
    }
}
