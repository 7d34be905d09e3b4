using System.Net;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;
using static RcpHub.IntegrationTests.Features.Delegations.ArrangeDelegations;

namespace RcpHub.IntegrationTests.Features.Representation;

/// <summary>Which ministries the states send to a process's meetings over the years: delegates counted per year and
/// kind of ministry, for the secretariat and the chair.</summary>
public sealed class RepresentationTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private AppUser _secretariat = null!, _chair = null!, _focalPoint = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        var midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        var cp = await Arrange.ProcessIdAsync(_factory, "cp");
        _secretariat = await TestSignIn.CreateUserAsync(_factory, "secretariat@midsa.example", roles: new ReaderRole(midsa, ProcessRole.Secretariat));
        _chair = await TestSignIn.CreateUserAsync(_factory, "chair@midsa.example", roles: new ReaderRole(midsa, ProcessRole.Chair));
        _focalPoint = await TestSignIn.CreateUserAsync(_factory, "focal.point@za.example", roles: new ReaderRole(midsa, ProcessRole.FocalPoint, "ZAF"));
        var now = DateTimeOffset.UtcNow;

        Task<Meeting> MeetingIn(int year, int processId = 0) => Arrange.MeetingAsync(_factory, processId == 0 ? midsa : processId, $"Meeting of {year}",
            daysFromNow: (int)(new DateTimeOffset(year, 6, 1, 0, 0, 0, TimeSpan.Zero) - now).TotalDays);

        var y2023 = await MeetingIn(2023);
        await DelegationAsync(_factory, y2023.Id, "ZAF", _secretariat.Id, DelegationStatus.Confirmed,
            Delegate("A", "Department of Home Affairs", Gender.Woman, head: true),
            Delegate("B", "South African Police Service", Gender.Man),
            Delegate("C", "Department of International Relations", Gender.Man));
        await DelegationAsync(_factory, y2023.Id, "MOZ", _secretariat.Id, DelegationStatus.Registered,
            Delegate("D", "Ministério dos Negócios Estrangeiros — Ministry of Foreign Affairs", Gender.Woman, head: true));
        // Returned for correction: not counted.
        await DelegationAsync(_factory, y2023.Id, "BWA", _secretariat.Id, DelegationStatus.Returned,
            Delegate("E", "Ministry of Labour", Gender.Man, head: true));

        var y2025 = await MeetingIn(2025);
        await DelegationAsync(_factory, y2025.Id, "ZAF", _secretariat.Id, DelegationStatus.Confirmed,
            Delegate("F", "Department of Employment and Labour", Gender.Woman, head: true),
            Delegate("G", "Directorate of Immigration Services", Gender.Man));
        await DelegationAsync(_factory, y2025.Id, "MOZ", _secretariat.Id, DelegationStatus.Confirmed,
            Delegate("H", "Serviço Nacional de Migração (immigration)", Gender.Man, head: true));

        // Another process's meeting does not count.
        var elsewhere = await MeetingIn(2025, cp);
        await DelegationAsync(_factory, elsewhere.Id, "IND", _secretariat.Id, DelegationStatus.Confirmed,
            Delegate("I", "Ministry of Labour", Gender.Man, head: true));
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static string Row(HtmlClient.Page page, int year) =>
        string.Join(" ", page.Document.QuerySelectorAll("table.representation tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent.Trim() == year.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .QuerySelectorAll("td").Select(td => $"{td.GetAttribute("data-category")}={td.TextContent.Trim()}"));

    [Fact]
    public async Task The_secretariat_sees_delegates_per_year_and_kind_of_ministry()
    {
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _secretariat);

        var page = await browser.GetAsync("/processes/midsa/representation");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["2023", "2025"], page.Texts("table.representation tbody th"));
        Assert.Equal("InteriorOrPolice=2 Immigration=0 Labour=0 ForeignAffairs=1 Other=1 Total=4", Row(page, 2023));
        Assert.Equal("InteriorOrPolice=0 Immigration=2 Labour=1 ForeignAffairs=0 Other=0 Total=3", Row(page, 2025));
        var chart = page.Document.QuerySelector("svg[role=img]")!;
        Assert.NotEmpty(chart.QuerySelector("title")!.TextContent);
        // One segment per non-empty cell: three in 2023, two in 2025.
        Assert.Equal(5, chart.QuerySelectorAll("g rect").Length);
    }

    [Fact]
    public async Task The_table_can_be_narrowed_to_one_state()
    {
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _chair);
        var page = await browser.GetAsync("/processes/midsa/representation");

        var mozambique = await browser.SubmitAsync(page, "form.representation-filter", new Dictionary<string, string> { ["state"] = "MOZ" });

        Assert.Equal("InteriorOrPolice=0 Immigration=0 Labour=0 ForeignAffairs=1 Other=0 Total=1", Row(mozambique, 2023));
        Assert.Equal("InteriorOrPolice=0 Immigration=1 Labour=0 ForeignAffairs=0 Other=0 Total=1", Row(mozambique, 2025));
        Assert.Contains("Mozambique", mozambique.Text("table.representation caption"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_focal_point_may_not_see_the_representation_page()
    {
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _focalPoint);

        var page = await browser.GetAsync("/processes/midsa/representation");

        Assert.Contains("/account/access-denied", page.Url, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("table.representation"));
    }
}
