using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Demo;

/// <summary>The demo's call for participation (issue 11): published, open for a month, with three applications from demo
/// organisations (the demo civil society account acts for the first), a panel of the demo secretariat and chair, and a
/// few scores, so that every page of a call has something to show.</summary>
internal static class DemoCalls
{
    public static async Task AddAsync(AppDbContext db, int processId, Dictionary<string, string> userIds, DateTimeOffset now, CancellationToken ct)
    {
        var secretariat = userIds["secretariat@demo.rcphub.test"];
        var chair = userIds["chair@demo.rcphub.test"];
        var civilSociety = userIds["civil-society@demo.rcphub.test"];
        // The registry's demo organisations (the demo civil society account acts for the first).
        var organizations = new[]
        {
            await DemoData.OrganizationAsync(db, DemoData.DemoOrganizations[0], "Migrant Voices Network (demo)", ct),
            await DemoData.OrganizationAsync(db, DemoData.DemoOrganizations[2], "Sahel Diaspora Association (demo)", ct),
            await DemoData.OrganizationAsync(db, DemoData.DemoOrganizations[1], "Rights at Work Association (demo)", ct),
        };
        await db.SaveChangesAsync(ct);

        var meeting = await db.Meetings.Where(m => m.ProcessId == processId).OrderBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
        var call = new ParticipationCall
        {
            ProcessId = processId,
            MeetingId = meeting,
            Title = "Civil society places at the expert meeting (demo)",
            Eligibility = "Non-profit organisations working with migrants in a member state of the process.",
            Places = 2,
            TravelFunded = true,
            Deadline = now.AddDays(30),
            Method = SelectionMethod.ScoreOptimal,
            CreatedByUserId = secretariat,
            CreatedAt = now.AddDays(-7),
            PublishedAt = now.AddDays(-6),
            Criteria =
            [
                new CallCriterion { Position = 1, Name = "Relevance of the organisation's work", Weight = 3 },
                new CallCriterion { Position = 2, Name = "Reach of the organisation", Weight = 2 },
            ],
            Targets =
            [
                new CallTarget { Trait = CallTraits.MigrantLed, Value = "yes", Min = 1 },
                new CallTarget { Trait = CallTraits.Region, Value = "West Africa", Min = 1 },
            ],
            Regions = [new CallRegion { Name = "West Africa", Countries = "SEN NGA" }, new CallRegion { Name = "Europe", Countries = "ESP FRA DEU ITA" }],
            Changes = [new CallChange { ChangedAt = now.AddDays(-2), ChangedByUserId = secretariat, Reason = "A second place is funded." }],
            Panel = [new CallPanelMember { UserId = secretariat, AddedAt = now.AddDays(-6) }, new CallPanelMember { UserId = chair, AddedAt = now.AddDays(-6) }],
        };
        db.ParticipationCalls.Add(call);
        await db.SaveChangesAsync(ct);

        CallApplication Application(Organization organization, string country, CivilSocietyType type, bool migrantLed, RepresentativeGender gender, int day) => new()
        {
            Call = call,
            OrganizationId = organization.Id,
            Pseudonym = CallApplication.NewPseudonym(),
            SubmittedByUserId = civilSociety,
            SubmittedAt = now.AddDays(-day),
            Motivation = "We work with migrants every day and want their experience heard at the meeting.",
            RepresentativeName = "Demo representative of " + organization.Name,
            RepresentativeEmail = "representative@" + organization.Slug + ".example.org",
            RepresentativeGender = gender,
            FirstTime = day % 2 == 0,
            CountryCode = country,
            OrganizationType = type,
            MigrantLed = migrantLed,
        };
        var applications = new[]
        {
            Application(organizations[0], "ESP", CivilSocietyType.Network, false, RepresentativeGender.Female, 5),
            Application(organizations[1], "SEN", CivilSocietyType.MigrantOrDiasporaAssociation, true, RepresentativeGender.Male, 4),
            Application(organizations[2], "FRA", CivilSocietyType.TradeUnion, false, RepresentativeGender.Female, 3),
        };
        db.CallApplications.AddRange(applications);
        await db.SaveChangesAsync(ct);
        foreach (var (application, values) in applications.Take(2).Zip(new[] { new[] { 8, 6 }, new[] { 7, 9 } }))
        {
            for (var i = 0; i < call.Criteria.Count; i++)
            {
                db.CallScores.Add(new CallScore { ApplicationId = application.Id, CriterionId = call.Criteria[i].Id, UserId = secretariat, Value = values[i], ScoredAt = now.AddDays(-1) });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
