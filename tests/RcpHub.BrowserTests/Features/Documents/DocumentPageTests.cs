using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using RcpHub.BrowserTests.Infrastructure;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Documents;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.BrowserTests.Features.Documents;

/// <summary>A document's page for the secretariat in a real browser: its management forms are accessible left to right
/// and right to left, and renaming and deleting work with JavaScript off.</summary>
public sealed class DocumentPageTests(Chromium chromium) : IAsyncLifetime
{
    private LiveServer _server = null!;
    private AppUser _secretariat = null!;
    private Meeting _meeting = null!;
    private Document _note = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await LiveServer.StartAsync();
        var midsa = await Arrange.ProcessIdAsync(_server.Factory, "midsa");
        _secretariat = await TestSignIn.CreateUserAsync(_server.Factory, "secretariat@midsa.example", roles: new ReaderRole(midsa, ProcessRole.Secretariat));
        _meeting = await Arrange.MeetingAsync(_server.Factory, midsa, "Expert meeting on labour mobility");
        _note = await DocumentFiles.StoreAsync(_server.Factory, _meeting.Id, "Concept note", DocumentAccess.Meeting, "en", "fr");
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("en-GB")]
    [InlineData("ar")]
    public async Task The_document_page_with_its_management_forms_has_no_serious_accessibility_violation(string locale)
    {
        var page = await chromium.NewSignedInPageAsync(_server, _secretariat, locale);
        var response = await page.GotoAsync(_server.Url($"/meetings/{_meeting.Id}/documents/{_note.Id}"));
        Assert.Equal(200, response!.Status);
        Assert.Equal(1, await page.Locator("form.document-delete").CountAsync());
        var violations = await Accessibility.SeriousViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task Without_JavaScript_the_secretariat_renames_then_deletes_after_ticking_the_box()
    {
        var page = await chromium.NewSignedInPageAsync(_server, _secretariat, javaScript: false);
        await page.GotoAsync(_server.Url($"/meetings/{_meeting.Id}/documents/{_note.Id}"));
        await page.GetByLabel("Title").FillAsync("Concept note (revised)");
        await page.GetByLabel("Who may read it").SelectOptionAsync(new SelectOptionValue { Label = "Members only" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        Assert.Equal("Concept note (revised)", (await page.Locator("h1").TextContentAsync())?.Trim());

        await page.GetByRole(AriaRole.Button, new() { Name = "Delete the document" }).ClickAsync();
        Assert.Contains("Tick the box", await page.Locator("[data-valmsg-for=Confirm]").TextContentAsync(), StringComparison.Ordinal);
        await page.GetByLabel("I understand: delete this document and all its files.").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete the document" }).ClickAsync();
        Assert.EndsWith($"/meetings/{_meeting.Id}/documents", page.Url, StringComparison.Ordinal);
        Assert.Equal("No documents yet.", (await page.Locator("main p").Last.TextContentAsync())?.Trim());

        await using var scope = _server.Factory.Scope();
        Assert.False(await scope.Db.Documents.AnyAsync(d => d.Id == _note.Id));
    }
}
