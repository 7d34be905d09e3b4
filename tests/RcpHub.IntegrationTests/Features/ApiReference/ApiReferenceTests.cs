using System.Net;
using System.Text.Json;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.ApiReference;

/// <summary>The API reference page shows every operation of the API's OpenAPI document, readable without script.</summary>
public sealed class ApiReferenceTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await RcpHubFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_reference_lists_every_operation_of_the_OpenAPI_document()
    {
        using var browser = HtmlClient.For(_factory);
        using var document = JsonDocument.Parse(await browser.Http.GetStringAsync("/api/v1/openapi.json"));
        var expected = new List<string>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                expected.Add($"{operation.Name.ToUpperInvariant()} {path.Name}");
            }
        }

        var page = await browser.GetAsync("/");
        var link = page.Document.QuerySelector("footer a[href='/api-reference']");
        Assert.NotNull(link);
        var reference = await browser.GetAsync("/api-reference");
        Assert.Equal(HttpStatusCode.OK, reference.Status);
        var shown = reference.Document.QuerySelectorAll("article.api-op h3")
            .Select(h => $"{h.QuerySelector(".method")!.TextContent} {h.QuerySelector(".path")!.TextContent}").ToList();
        Assert.Equal(expected.Order(StringComparer.Ordinal), shown.Order(StringComparer.Ordinal));
        Assert.Empty(reference.Document.QuerySelectorAll("script"));

        // Each operation tells who may call it and its answers with their statuses.
        foreach (var op in reference.Document.QuerySelectorAll("article.api-op"))
        {
            Assert.Contains("Who may call it:", op.TextContent, StringComparison.Ordinal);
            Assert.NotEmpty(op.QuerySelectorAll(".api-answers dt code"));
        }
        var meetings = reference.Document.QuerySelectorAll("article.api-op")
            .First(a => a.QuerySelector(".method")!.TextContent == "POST" && a.QuerySelector(".path")!.TextContent == "/api/v1/processes/{slug}/meetings");
        Assert.Contains("Secretariat", meetings.TextContent, StringComparison.Ordinal);
        Assert.Contains("title", meetings.QuerySelectorAll("table th[scope=row] code").Select(c => c.TextContent));
    }

    [Fact]
    public async Task The_reference_is_translated()
    {
        using var browser = HtmlClient.For(_factory, "fr");
        var reference = await browser.GetAsync("/api-reference");
        Assert.Equal("Référence de l’API", reference.Text("h1"));
        Assert.Contains("Qui peut l’appeler", reference.Text("article.api-op"), StringComparison.Ordinal);
    }
}
