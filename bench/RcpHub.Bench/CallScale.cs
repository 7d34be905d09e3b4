extern alias app;

using Microsoft.EntityFrameworkCore;
using app::RcpHub.Data;
using app::RcpHub.Domain;
using app::RcpHub.Features.Documents;

/// <summary>Issue 11's call at full size in the demo process: the 2,000 applications and 12 balance targets of
/// <see cref="SelectionBench.Call"/> (60 places split 70/30 between networks and the open call), each from its own
/// organisation with its own representative (a platform user), one attachment each (a small PDF), scored on three criteria
/// by a panel of four demo accounts (secretariat, chair, observer, focal point), with one application in fifty declared a
/// conflict by one of them. The deadline has passed and every application is scored, so the proposal can be computed.
/// Written through the application's own context while the application is stopped (no audit entries).</summary>
internal static class CallScale
{
    public const string Title = "Civil society places at the ministerial conference (2,000 applications)";

    /// <summary>The panel, as demo accounts (SignIn.AsAsync); the chair is the panel member the pages are read as.</summary>
    public static readonly string[] PanelAccounts = ["secretariat", "chair", "observer", "focal-point"];

    public sealed record Facts(int CallId, int FirstApplicationId, int LastApplicationId, int Scores, TimeSpan Took);

    private static readonly Dictionary<string, string[]> Countries = new()
    {
        ["Africa"] = ["SEN", "NGA", "MAR", "GHA", "KEN", "ETH"],
        ["Asia"] = ["PHL", "IND", "BGD", "NPL", "IDN"],
        ["Americas"] = ["MEX", "BRA", "COL", "GTM"],
        ["Europe"] = ["FRA", "DEU", "ESP", "ITA"],
        ["Oceania"] = ["AUS", "FJI", "PNG"],
    };

    public static async Task<Facts> GenerateAsync(string? postgres, string sqliteFile, bool lottery)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var db = LargeProcess.Open(postgres, sqliteFile);
        var processId = await db.Processes.Where(p => p.Slug == "demo").Select(p => p.Id).SingleAsync();
        var panel = new List<string>();
        foreach (var account in PanelAccounts)
        {
            var email = $"{account}@demo.rcphub.test";
            panel.Add(await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        }
        var meeting = await db.Meetings.Where(m => m.ProcessId == processId).OrderBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync();
        var problem = SelectionBench.Call();
        var now = DateTimeOffset.UtcNow;
        var call = new ParticipationCall
        {
            ProcessId = processId,
            MeetingId = meeting,
            Title = Title,
            Eligibility = "Civil society organisations working with or led by migrants, nominated by a network or applying through the open call.",
            Places = problem.Places,
            TravelFunded = true,
            Deadline = now.AddDays(-1),
            Method = lottery ? SelectionMethod.FairLottery : SelectionMethod.ScoreOptimal,
            LotteryThreshold = lottery ? 0 : null,
            CreatedByUserId = panel[0],
            CreatedAt = now.AddDays(-45),
            PublishedAt = now.AddDays(-40),
            Criteria =
            [
                new CallCriterion { Position = 1, Name = "Relevance of the organisation's work", Weight = 3 },
                new CallCriterion { Position = 2, Name = "Reach of the organisation", Weight = 2 },
                new CallCriterion { Position = 3, Name = "Experience of the proposed representative", Weight = 1 },
            ],
            Targets = [.. problem.Targets.Select(x => new CallTarget { Trait = x.Trait, Value = x.Value, Min = x.Min, Max = x.Max })],
            Regions = [.. Countries.Select(r => new CallRegion { Name = r.Key, Countries = string.Join(' ', r.Value) })],
            Changes = [new CallChange { ChangedAt = now.AddDays(-20), ChangedByUserId = panel[0], Reason = "Ten more places are funded." }],
            Panel = [.. panel.Select(p => new CallPanelMember { UserId = p, AddedAt = now.AddDays(-40) })],
        };
        db.ParticipationCalls.Add(call);
        await db.SaveChangesAsync();
        var callId = call.Id;
        var criteria = call.Criteria.OrderBy(c => c.Position).Select(c => c.Id).ToList();
        db.ChangeTracker.Clear();

        var random = new Random(11);
        var pdf = DemoDocument.Pdf("Work plan");
        var scores = 0;
        var ids = new List<int>();
        const int batch = 250;
        for (var start = 0; start < problem.Candidates.Count; start += batch)
        {
            var applications = new List<CallApplication>();
            for (var i = start; i < Math.Min(start + batch, problem.Candidates.Count); i++)
            {
                var candidate = problem.Candidates[i];
                var traits = candidate.Traits;
                var type = Enum.Parse<CivilSocietyType>(traits["type"]);
                var regionCountries = Countries[traits["region"]];
                var country = regionCountries[i % regionCountries.Length];
                var number = (i + 1).ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
                var user = new AppUser
                {
                    UserName = $"applicant-{number}@cso.example.org",
                    NormalizedUserName = $"APPLICANT-{number}@CSO.EXAMPLE.ORG",
                    Email = $"applicant-{number}@cso.example.org",
                    NormalizedEmail = $"APPLICANT-{number}@CSO.EXAMPLE.ORG",
                    EmailConfirmed = true,
                    DisplayName = $"Applicant {number}",
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                };
                var organization = new Organization
                {
                    Slug = $"cso-{number}",
                    Name = $"{traits["region"]} {type} organisation {number}",
                    Kind = OrganizationKind.CivilSociety,
                    CivilSocietyType = type,
                    MigrantLed = traits["migrantLed"] == "yes",
                    CountryCodes = [country],
                    RegisteredAt = now.AddDays(-100),
                    Verification = VerificationStatus.Verified,
                };
                db.Users.Add(user);
                db.Organizations.Add(organization);
                db.OrganizationRepresentatives.Add(new OrganizationRepresentative { Organization = organization, UserId = user.Id, AddedAt = now.AddDays(-100) });
                var application = new CallApplication
                {
                    CallId = callId,
                    Organization = organization,
                    Pseudonym = CallApplication.NewPseudonym(),
                    SubmittedByUserId = user.Id,
                    SubmittedAt = now.AddDays(-40).AddMinutes(i * 20),
                    Route = traits["route"],
                    Motivation = $"Organisation {number} works with migrants in {country} on labour rights, protection and return, and would bring that experience to the conference.",
                    RepresentativeName = $"Representative {number}",
                    RepresentativeEmail = $"representative-{number}@cso.example.org",
                    RepresentativeGender = traits["gender"] switch { "female" => RepresentativeGender.Female, "male" => RepresentativeGender.Male, _ => RepresentativeGender.NonBinary },
                    FirstTime = traits["firstTime"] == "yes",
                    ConflictOfInterest = i % 97 == 0 ? "Our director sat on the process's advisory group in 2019." : null,
                    CountryCode = country,
                    OrganizationType = type,
                    MigrantLed = traits["migrantLed"] == "yes",
                    Attachments = [new CallApplicationAttachment { FileName = $"work-plan-{number}.pdf", ContentType = FileSniffer.Pdf.ContentType, Length = pdf.Length, Bytes = pdf }],
                };
                // One application in fifty: one member (never the same) declared a conflict and does not score it.
                var conflicted = i % 50 == 7 ? panel[i / 50 % panel.Count] : null;
                if (conflicted is not null)
                {
                    application.Conflicts.Add(new CallConflict { UserId = conflicted, Note = "I advised this organisation last year.", DeclaredAt = now.AddHours(-30) });
                }
                foreach (var member in panel.Where(p => p != conflicted))
                {
                    foreach (var criterion in criteria)
                    {
                        var value = (int)Math.Round((double)candidate.Score + (random.NextDouble() * 2) - 1);
                        application.Scores.Add(new CallScore { CriterionId = criterion, UserId = member, Value = Math.Clamp(value, 0, 10), ScoredAt = now.AddHours(-20) });
                        scores++;
                    }
                }
                applications.Add(application);
            }
            db.CallApplications.AddRange(applications);
            await db.SaveChangesAsync();
            ids.AddRange(applications.Select(a => a.Id));
            db.ChangeTracker.Clear();
        }
        return new Facts(callId, ids.Min(), ids.Max(), scores, started.Elapsed);
    }
}
