using System.Net;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Shared;

/// <summary>A form posted to a page without one of its handlers (none named, or a name the page lacks) is a bad
/// request, on every page of the catalogue, never a server error.</summary>
public sealed class UnknownHandlerTests : CatalogueTests
{
    [Fact]
    public async Task No_page_fails_on_a_post_to_a_handler_it_does_not_have()
    {
        using var client = await AdministratorAsync();
        var failures = new List<string>();
        var posted = 0;
        foreach (var address in await PageCatalogue.AddressesAsync(Factory))
        {
            if (address == "/account/sign-out")
            {
                continue;
            }
            var page = await client.GetAsync(address);
            if (PageCatalogue.Unexpected(address, PageCatalogue.Reader.Administrator, page.Status) is { } unexpected)
            {
                failures.Add("GET " + unexpected);
                continue;
            }
            var token = page.Document.QuerySelector("main input[name=__RequestVerificationToken]")?.GetAttribute("value");
            if (token is null)
            {
                continue;
            }
            foreach (var url in new[] { address, address + (address.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=NoSuchHandler" })
            {
                using var response = await client.Http.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
                posted++;
                if (response.StatusCode >= HttpStatusCode.InternalServerError)
                {
                    failures.Add($"POST {url}: {(int)response.StatusCode}");
                }
            }
        }
        Assert.True(posted > 20, $"Only {posted} posts: the walk found almost no forms.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task A_post_without_a_handler_to_a_page_with_named_ones_is_a_bad_request()
    {
        using var client = await AdministratorAsync();
        var invitations = await client.GetAsync("/processes/demo/manage/invitations");
        var token = invitations.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        using var response = await client.Http.PostAsync("/processes/demo/manage/invitations",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Email", "someone@example.org")]));
        var page = await HtmlClient.Page.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("Bad request", page.Text("h1"));
        await using var scope = Factory.Scope();
        Assert.DoesNotContain(scope.Db.Invitations, i => i.Email == "someone@example.org");
    }
}
