using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Calls;

/// <summary>What the call tests set up the same way: a call the demo secretariat publishes, and a new person who acts for
/// a new organisation.</summary>
internal static class CallArrange
{
    public const string Calls = "/api/v1/processes/demo/calls";

    /// <summary>A call of the demo process, published through the API by its secretariat, open for ten days.</summary>
    public static async Task<int> PublishedCallAsync(RcpHubFactory factory)
    {
        AppUser secretariat;
        await using (var scope = factory.Scope())
        {
            secretariat = await scope.Db.Users.AsNoTracking().SingleAsync(u => u.Email == "secretariat@demo.rcphub.test");
        }
        using var client = await TestSignIn.HttpClientAsync(factory, secretariat);
        using var created = await client.PostAsJsonAsync(Calls, new JsonObject
        {
            ["title"] = "Civil society at the expert meeting", ["eligibility"] = "Organisations working with migrants.", ["places"] = 2,
            ["travelFunded"] = false, ["deadline"] = DateTimeOffset.UtcNow.AddDays(10), ["method"] = "ScoreOptimal",
            ["criteria"] = "Relevance | 1", ["targets"] = "", ["regions"] = "West Africa | SEN NGA",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
        using var published = await client.PostAsync($"{Calls}/{id}/publication", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return id;
    }

    /// <summary>A new person who acts for a new organisation (its representative in the registry).</summary>
    public static async Task<(AppUser User, int Organization)> ApplicantAsync(RcpHubFactory factory, string name)
    {
        var user = await TestSignIn.CreateUserAsync(factory, $"{name}-{Guid.NewGuid():N}@example.org");
        await using var scope = factory.Scope();
        var organization = new Organization { Slug = $"{name}-{Guid.NewGuid():N}"[..30], Name = $"{name} association", Kind = OrganizationKind.CivilSociety };
        scope.Db.Organizations.Add(organization);
        await scope.Db.SaveChangesAsync();
        scope.Db.OrganizationRepresentatives.Add(new OrganizationRepresentative { OrganizationId = organization.Id, UserId = user.Id, AddedAt = DateTimeOffset.UtcNow });
        await scope.Db.SaveChangesAsync();
        return (user, organization.Id);
    }
}
