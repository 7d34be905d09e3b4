using Microsoft.EntityFrameworkCore;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Manage;

public sealed class ChairsTests() : SecretariatTests("chairs.editor@example.org")
{
    private static IReadOnlyList<string> Rotation(HtmlClient.Page page) =>
        page.Document.QuerySelectorAll("#rotation-order tr[data-state]").Select(r => r.GetAttribute("data-state")!).ToList();

    private static IReadOnlyList<string> Schedule(HtmlClient.Page page) =>
        page.Document.QuerySelectorAll("table.schedule tr[data-state]").Select(r => r.GetAttribute("data-state")!).ToList();

    [Fact]
    public async Task The_rotation_order_is_built_moved_and_drives_the_schedule()
    {
        var page = await Browser.GetAsync("/processes/midsa/manage/chairs");
        Assert.Equal("Set the length of a chair term to see the schedule.", page.Text("#schedule + p"));

        page = await Browser.SubmitAsync(page, "form#add-term", new Dictionary<string, string>
        {
            ["Term.StateCode"] = "MDG", ["Term.StartYear"] = "2025", ["Term.StartsOn"] = "2025-08-17", ["Term.Note"] = "SADC Summit",
        });
        Assert.Equal("The chair term is added.", page.Text(".notice"));
        page = await Browser.SubmitAsync(page, "form#term-length", new Dictionary<string, string> { ["TermMonths"] = "12" });
        foreach (var code in new[] { "MDG", "ZAF", "AGO" })
        {
            page = await Browser.SubmitAsync(page, "form#rotation-add", new Dictionary<string, string> { ["add"] = code });
        }
        Assert.Equal(["MDG", "ZAF", "AGO"], Rotation(page));
        Assert.Equal(["ZAF", "AGO", "MDG", "ZAF", "AGO", "MDG"], Schedule(page));
        // Madagascar's term has no recorded end: South Africa takes over a term length after it began, never before today.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var takesOver = new DateOnly(2026, 8, 17) < today ? today : new DateOnly(2026, 8, 17);
        Assert.Contains(takesOver.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), page.Document.QuerySelector("table.schedule tr[data-state]")!.TextContent);

        // Angola moves up past South Africa: it now follows Madagascar.
        page = await Browser.SubmitAsync(page, "form#rotation-order", new Dictionary<string, string>(), "button[name=up][value=AGO]");
        Assert.Equal("The rotation order is saved.", page.Text(".notice"));
        Assert.Equal(["MDG", "AGO", "ZAF"], Rotation(page));
        Assert.Equal("AGO", Schedule(page)[0]);
        await using (var scope = Factory.Scope())
        {
            var stored = await scope.Db.ChairRotationSlots.Where(s => s.ProcessId == scope.Db.Processes.Single(p => p.Slug == "midsa").Id)
                .OrderBy(s => s.Position).Select(s => s.StateCode).ToListAsync();
            Assert.Equal(["MDG", "AGO", "ZAF"], stored);
        }

        page = await Browser.SubmitAsync(page, "form#rotation-order", new Dictionary<string, string>(), "button[name=down][value=MDG]");
        Assert.Equal(["AGO", "MDG", "ZAF"], Rotation(page));
        Assert.Equal(["ZAF", "AGO", "MDG"], Schedule(page).Take(3));

        // Removing a state from the rotation asks first.
        var asked = await Browser.GetAsync("/processes/midsa/manage/chairs?remove=ZAF");
        Assert.Equal(["AGO", "MDG", "ZAF"], Rotation(asked));
        Assert.Contains("Remove South Africa from the rotation?", asked.Text("#confirm-removal"), StringComparison.Ordinal);
        page = await Browser.SubmitAsync(asked, "#confirm-removal form", new Dictionary<string, string>());
        Assert.Equal(["AGO", "MDG"], Rotation(page));
        Assert.Contains(page.Document.QuerySelectorAll("#rotation-add-state option"), o => o.GetAttribute("value") == "ZAF");
    }

    [Fact]
    public async Task A_chair_term_is_edited_refused_when_invalid_and_removed()
    {
        int termsBefore;
        await using (var scope = Factory.Scope())
        {
            termsBefore = await scope.Db.ChairTerms.CountAsync();
        }
        var page = await Browser.GetAsync("/processes/midsa/manage/chairs");
        var refused = await Browser.SubmitAsync(page, "form#add-term", new Dictionary<string, string>
        {
            ["Term.StateCode"] = "LSO", ["Term.StartYear"] = "2019", ["Term.StartsOn"] = "2018-08-17", ["Term.EndsOn"] = "2018-01-01",
        });
        Assert.Equal("This date is not in the year 2019.", refused.Text("[data-valmsg-for='Term.StartsOn']"));
        Assert.Equal("This date cannot be before 17 August 2018.", refused.Text("[data-valmsg-for='Term.EndsOn']"));
        var neither = await Browser.SubmitAsync(page, "form#add-term", new Dictionary<string, string> { ["Term.StartYear"] = "2019" });
        Assert.Equal("Choose either a state or an organisation.", neither.Text("[data-valmsg-for='Term.StateCode']"));
        await using (var scope = Factory.Scope())
        {
            Assert.Equal(termsBefore, await scope.Db.ChairTerms.CountAsync());
        }

        page = await Browser.SubmitAsync(page, "form#add-term", new Dictionary<string, string> { ["Term.StateCode"] = "LSO", ["Term.StartYear"] = "2019" });
        var edit = await Browser.GetAsync(page.Document.QuerySelector("a[href*='/manage/chairs/'][aria-label*='Lesotho']")!.GetAttribute("href")!);
        Assert.Equal("Chair term of Lesotho", edit.Text("h1"));
        var saved = await Browser.SubmitAsync(edit, "form#edit-term", new Dictionary<string, string> { ["Term.EndYear"] = "2020", ["Term.Note"] = "hosted in Maseru" });
        Assert.Equal("The chair term is saved.", saved.Text(".notice"));
        Assert.Contains("hosted in Maseru", saved.Text("#terms + .table-scroll table"));

        Assert.Null(edit.Document.QuerySelector("#remove-term form"));
        var asked = await Browser.GetAsync(edit.Url + "?remove=true");
        Assert.Contains("Remove the chair term of Lesotho?", asked.Text("#confirm-removal"), StringComparison.Ordinal);
        var removed = await Browser.SubmitAsync(asked, "#confirm-removal form", new Dictionary<string, string>());
        Assert.Equal("The chair term is removed.", removed.Text(".notice"));
        await using (var scope = Factory.Scope())
        {
            Assert.Equal(termsBefore, await scope.Db.ChairTerms.CountAsync());
        }
    }
}
