using Microsoft.EntityFrameworkCore;
using RcpHub.Data;
using RcpHub.Domain;

namespace RcpHub.Features.Demo;

/// <summary>The demo's data request (issue 12): sent to the member states two days ago, open for three weeks more, with
/// a number, a choice and a text question; Morocco (the demo focal point's state) has submitted, and the secretariat
/// published the aggregate, so that every page of a request has something to show.</summary>
internal static class DemoDataRequests
{
    public static async Task AddAsync(AppDbContext db, int processId, Dictionary<string, string> userIds, DateTimeOffset now, CancellationToken ct)
    {
        var secretariat = userIds["secretariat@demo.rcphub.test"];
        var focalPoint = userIds["focal-point@demo.rcphub.test"];
        var states = await db.Memberships.MemberStatesOf(processId, DateOnly.FromDateTime(now.UtcDateTime)).ToListAsync(ct);
        var year = now.Year - 1;
        var request = new DataRequest
        {
            ProcessId = processId,
            Title = "Labour migration figures for the ministerial conference (demo)",
            Instructions = "Please give national figures; say in the last answer where they come from (demo).",
            DeadlineAt = now.AddDays(21),
            CreatedByUserId = secretariat,
            CreatedAt = now.AddDays(-3),
            SentAt = now.AddDays(-2),
            PublishedAt = now.AddDays(-1),
            Questions =
            [
                new DataQuestion { ProcessId = processId, Number = 1, Text = "Workers recruited abroad through licensed agencies", Kind = DataQuestionKind.Figure, Unit = "persons", Year = year },
                new DataQuestion { ProcessId = processId, Number = 2, Text = "Does your state publish the list of licensed recruitment agencies?", Kind = DataQuestionKind.Choice, Options = "Yes\nNo\nIn preparation" },
                new DataQuestion { ProcessId = processId, Number = 3, Text = "Source of the figures", Kind = DataQuestionKind.FreeText },
            ],
            Responses = states.Order(StringComparer.Ordinal).Select(code => new DataResponse { ProcessId = processId, StateCode = code }).ToList(),
        };
        db.DataRequests.Add(request);
        await db.SaveChangesAsync(ct);
        if (request.Responses.FirstOrDefault(r => r.StateCode == "MAR") is { } morocco)
        {
            morocco.UpdatedAt = morocco.SubmittedAt = now.AddDays(-1);
            morocco.UpdatedByUserId = morocco.SubmittedByUserId = focalPoint;
            morocco.Answers =
            [
                new DataAnswer { ProcessId = processId, DataQuestionId = request.Questions[0].Id, Number = 12500, Year = year },
                new DataAnswer { ProcessId = processId, DataQuestionId = request.Questions[1].Id, Choice = "Yes" },
                new DataAnswer { ProcessId = processId, DataQuestionId = request.Questions[2].Id, Text = "Ministry of Labour, register of placements (demo)." },
            ];
            await db.SaveChangesAsync(ct);
        }
    }
}
