using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Account;

/// <summary><c>--demo</c>: loads a clearly marked, fictitious process with members, chairs, bodies and one demo
/// account per role, so that every feature can be tried in minutes. Safe to run at every start: what exists is kept.</summary>
public static class DemoData
{
    public const string ProcessSlug = "demo";

    /// <summary>Used when <c>Demo:Password</c> is not configured. It passes the password policy; it is printed at start, so it protects nothing.</summary>
    public const string DefaultPassword = "Harbour-Lantern-Ninety-7";

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
        var password = scope.ServiceProvider.GetRequiredService<IConfiguration>()["Demo:Password"] is { Length: > 0 } configured ? configured : DefaultPassword;
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();

        var processId = await db.Processes.Where(p => p.Slug == ProcessSlug).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct)
            ?? await CreateProcessAsync(db, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);

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
                var created = await users.CreateAsync(user, password);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException(
                        $"Demo account {account.Email} not created (check Demo:Password): {string.Join(" ", created.Errors.Select(e => e.Description))}");
                }
            }
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

        await output.WriteLineAsync("Demo data: the process \"DEMO\" (/processes/demo) and these accounts, all with the password " + password);
        foreach (var account in Accounts)
        {
            await output.WriteLineAsync($"  {account.Email,-34} {(account.IsAdministrator ? "platform administrator" : account.Role.ToString())}");
        }
    }

    private static async Task<int> CreateProcessAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        string[] themeNames = ["Labour migration", "Migration data"];
        var themes = await db.Themes.Where(t => themeNames.Contains(t.Name)).ToListAsync(ct);
        var process = new Process
        {
            Slug = ProcessSlug,
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

    /// <summary>A held expert meeting and an upcoming senior officials' meeting, members only, each with an agenda and a session.</summary>
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
                new Session { Position = 1, Title = "Fair recruitment (demo session)", GuidingQuestions = "What works?\nWhat should the region do next?", ChairName = "Demo Chair", ChairStateCode = "MAR" },
            ],
        };
        yield return Meeting("DEMO Expert Meeting on Labour Migration", MeetingLevel.Expert, MeetingStatus.Held, today.AddMonths(-2), "Rabat (demo)", "MAR");
        yield return Meeting("DEMO Senior Officials' Meeting", MeetingLevel.SeniorOfficials, MeetingStatus.Planned, today.AddMonths(2), "Dakar (demo)", "SEN");
    }
}
