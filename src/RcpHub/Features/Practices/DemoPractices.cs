using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Practices;

/// <summary>The demo process's good practices: Morocco's public register of recruitment agencies, published for everyone
/// and adapted by Senegal; and Spain's members-only one-stop shop for returning migrants.</summary>
public static class DemoPractices
{
    public static async Task AddAsync(AppDbContext db, int processId, string focalPoint, string secretariat, DateTimeOffset now, CancellationToken ct)
    {
        var theme = await db.Themes.OrderBy(t => t.Id).Select(t => (int?)t.Id).FirstOrDefaultAsync(ct);
        const string title = "Public register of licensed recruitment agencies (demo)";
        db.Practices.Add(new Practice
        {
            ProcessId = processId,
            Title = title,
            TitleKey = PracticeRules.TitleKey(title),
            SubmitterKey = PracticeRules.StateSubmitter("MAR"),
            StateCode = "MAR",
            Summary = "The ministry of labour publishes every licensed recruitment agency and every withdrawn licence in a register open to the public (demo).",
            Results = "Complaints about unlicensed recruiters fell by a third in two years (demo).",
            Contact = "Ministry of Labour, migration unit (demo)",
            FromYear = now.Year - 3,
            Languages = "en fr ar",
            Status = PracticeStatus.Published,
            Audience = MeetingAudience.Public,
            SubmittedByUserId = focalPoint,
            SubmittedAt = now.AddDays(-20),
            ReviewedByUserId = secretariat,
            ReviewedAt = now.AddDays(-18),
            PublishedAt = now.AddDays(-18),
            Themes = theme is { } t ? [new PracticeTheme { ThemeId = t }] : [],
            Objectives = [new PracticeObjective { Objective = 6 }],
            Adaptations = [new PracticeAdaptation { StateCode = "SEN", Note = "Senegal opened a register on the same model (demo).", UserId = secretariat, At = now.AddDays(-5) }],
        });
        const string members = "One-stop shop for returning migrants (demo)";
        db.Practices.Add(new Practice
        {
            ProcessId = processId,
            Title = members,
            TitleKey = PracticeRules.TitleKey(members),
            SubmitterKey = PracticeRules.StateSubmitter("ESP"),
            StateCode = "ESP",
            Summary = "Returning migrants find employment, housing and social security services at one desk (demo).",
            FromYear = now.Year - 2,
            ToYear = now.Year - 1,
            Languages = "en es",
            Status = PracticeStatus.Published,
            Audience = MeetingAudience.MembersOnly,
            SubmittedByUserId = secretariat,
            SubmittedAt = now.AddDays(-15),
            ReviewedByUserId = secretariat,
            ReviewedAt = now.AddDays(-14),
            PublishedAt = now.AddDays(-14),
            Objectives = [new PracticeObjective { Objective = 21 }],
        });
        await db.SaveChangesAsync(ct);
    }
}
