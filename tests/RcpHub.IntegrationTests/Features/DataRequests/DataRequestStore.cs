using Microsoft.EntityFrameworkCore;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.DataRequests;

/// <summary>What the database holds of a data request, read directly to check what a command stored.</summary>
public static class DataRequestStore
{
    /// <summary>The texts of the request's questions in force, in order.</summary>
    public static async Task<string[]> QuestionsAsync(RcpHubFactory factory, int id)
    {
        await using var scope = factory.Scope();
        return await scope.Db.DataQuestions.Where(q => q.DataRequestId == id && q.RemovedAt == null).OrderBy(q => q.Number).Select(q => q.Text).ToArrayAsync();
    }
}
