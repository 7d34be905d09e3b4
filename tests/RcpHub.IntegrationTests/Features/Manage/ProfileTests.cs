using System.Net;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;

namespace RcpHub.IntegrationTests.Features.Manage;

public sealed class ProfileTests() : SecretariatTests("profile.editor@example.org")
{
    private async Task<Process> MidsaAsync()
    {
        await using var scope = Factory.Scope();
        return await scope.Db.Processes.AsNoTracking().Include(p => p.Sources).Include(p => p.Themes).SingleAsync(p => p.Slug == "midsa");
    }

    [Fact]
    public async Task The_secretariat_edits_the_profile_sources_and_themes()
    {
        var form = await Browser.GetAsync("/processes/midsa/manage/profile");
        Assert.Equal("Migration Dialogue for Southern Africa", form.Document.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.StartsWith("https://www.iom.int/migration-dialogue-southern-africa-midsa\n", form.Document.QuerySelector("#SourcesText")!.TextContent.TrimStart());
        var checkedThemes = form.Document.QuerySelectorAll("fieldset.themes input:checked").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains("Border management", checkedThemes);

        var saved = await Browser.SubmitAsync(form, "form#profile", new Dictionary<string, string>
        {
            ["Input.Status"] = "Dormant",
            ["Input.StatusNote"] = "no meeting since 2023",
            ["Input.FoundedYear"] = "2000",
            ["Input.ChairTermMonths"] = "12",
            ["SourcesText"] = "https://www.sadc.int/midsa\r\nhttps://www.iom.int/migration-dialogue-southern-africa-midsa\r\n",
            ["NewTheme"] = "Climate mobility in Southern Africa",
        });

        Assert.Equal("/processes/midsa/manage/profile", saved.Url);
        Assert.Equal("The profile is saved.", saved.Text(".notice"));
        var midsa = await MidsaAsync();
        Assert.Equal(ProcessStatus.Dormant, midsa.Status);
        Assert.Equal("no meeting since 2023", midsa.StatusNote);
        Assert.Equal(12, midsa.ChairTermMonths);
        Assert.Equal(["https://www.iom.int/migration-dialogue-southern-africa-midsa", "https://www.sadc.int/midsa"], midsa.Sources.Select(s => s.Url).Order());
        Assert.Equal("https://www.sadc.int/midsa", midsa.Sources.Single(s => s.IsPrimary).Url);
        Assert.Contains(midsa.Themes, t => t.Name == "Climate mobility in Southern Africa");
        Assert.Contains(midsa.Themes, t => t.Name == "Border management");
        Assert.Equal(11, midsa.Themes.Count);

        // The new theme is shared: it is offered to every process from now on.
        var again = await Browser.GetAsync("/processes/midsa/manage/profile");
        Assert.Contains(again.Document.QuerySelectorAll("fieldset.themes input:checked"), i => i.GetAttribute("value") == "Climate mobility in Southern Africa");
    }

    [Fact]
    public async Task An_invalid_profile_shows_field_messages_and_saves_nothing()
    {
        var before = await MidsaAsync();
        var form = await Browser.GetAsync("/processes/midsa/manage/profile");

        var refused = await Browser.SubmitAsync(form, "form#profile", new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.Acronym"] = "MIDSA 2",
            ["Input.FoundedYear"] = "1960",
            ["Input.ChairTermMonths"] = "0",
            ["SourcesText"] = "https://www.iom.int/midsa\nwww.sadc.int/midsa",
            ["NewTheme"] = "A theme that does not get saved",
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("This field is required.", refused.Text("[data-valmsg-for='Input.Name']"));
        Assert.Equal($"Enter a year between 1980 and {DateTime.UtcNow.Year}.", refused.Text("[data-valmsg-for='Input.FoundedYear']"));
        Assert.Equal("Enter a number of months between 1 and 120.", refused.Text("[data-valmsg-for='Input.ChairTermMonths']"));
        Assert.Equal("“www.sadc.int/midsa” is not a full web address (http:// or https://).", refused.Text("[data-valmsg-for='Input.Sources']"));
        // What was typed is shown again, to be corrected.
        Assert.Equal("MIDSA 2", refused.Document.QuerySelector("#Input_Acronym")!.GetAttribute("value"));
        Assert.Equal("A theme that does not get saved", refused.Document.QuerySelector("#NewTheme")!.GetAttribute("value"));

        var after = await MidsaAsync();
        Assert.Equal(before.Name, after.Name);
        Assert.Equal(before.Acronym, after.Acronym);
        Assert.Equal(before.Sources.Count, after.Sources.Count);
        await using var scope = Factory.Scope();
        Assert.False(await scope.Db.Themes.AnyAsync(t => t.Name == "A theme that does not get saved"));
    }
}
