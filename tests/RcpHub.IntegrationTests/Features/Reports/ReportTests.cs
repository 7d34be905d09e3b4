using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Reports;

/// <summary>Session reports written by the rapporteur or the secretariat, kept in versions; the meeting report adopted
/// by the chair or the secretariat; printable and as PDF; each for the meeting's audience only.</summary>
public sealed class ReportTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private int _midsa;
    private AppUser _secretariat = null!, _rapporteur = null!, _chair = null!, _otherFocalPoint = null!, _outsider = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        _midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        var cp = await Arrange.ProcessIdAsync(_factory, "cp");
        _secretariat = await TestSignIn.CreateUserAsync(_factory, "secretariat@midsa.example", roles: new ReaderRole(_midsa, ProcessRole.Secretariat));
        _rapporteur = await TestSignIn.CreateUserAsync(_factory, "rapporteur@za.example", roles: new ReaderRole(_midsa, ProcessRole.FocalPoint, "ZAF"));
        _chair = await TestSignIn.CreateUserAsync(_factory, "chair@midsa.example", roles: new ReaderRole(_midsa, ProcessRole.Chair));
        _otherFocalPoint = await TestSignIn.CreateUserAsync(_factory, "focal.point@mz.example", roles: new ReaderRole(_midsa, ProcessRole.FocalPoint, "MOZ"));
        _outsider = await TestSignIn.CreateUserAsync(_factory, "focal.point@in.example", roles: new ReaderRole(cp, ProcessRole.FocalPoint, "IND"));
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>A members-only meeting of MIDSA, held two days ago unless said, with two sessions, both reported by <see cref="_rapporteur"/>.</summary>
    private async Task<(int Meeting, int First, int Second)> MeetingAsync(MeetingAudience audience = MeetingAudience.MembersOnly, int daysFromNow = -2)
    {
        var meeting = await Arrange.MeetingAsync(_factory, _midsa, "Expert meeting on labour migration " + Guid.NewGuid().ToString("N")[..6], audience,
            daysFromNow: daysFromNow, configure: m =>
            {
                m.Sessions.Add(new Session { Title = "Fair recruitment", Position = 1, RapporteurUserId = _rapporteur.Id });
                m.Sessions.Add(new Session { Title = "Remittances", Position = 2, RapporteurUserId = _rapporteur.Id });
            });
        await using var scope = _factory.Scope();
        var sessions = await scope.Db.Sessions.Where(s => s.MeetingId == meeting.Id).OrderBy(s => s.Position).Select(s => s.Id).ToListAsync();
        return (meeting.Id, sessions[0], sessions[1]);
    }

    private static Dictionary<string, string> Report(string summary, string keyPoints = "", string recommendations = "", string discussion = "") => new()
    {
        ["Input.Summary"] = summary,
        ["Input.Discussion"] = discussion,
        ["Input.KeyPoints"] = keyPoints,
        ["Input.Recommendations"] = recommendations,
    };

    private async Task<HtmlClient.Page> WriteAsync(AppUser user, int meeting, int session, Dictionary<string, string> values)
    {
        using var browser = await TestSignIn.HtmlClientAsync(_factory, user);
        var page = await browser.GetAsync($"/meetings/{meeting}/sessions/{session}/report");
        return await browser.SubmitAsync(page, "form.report-form", values);
    }

    private async Task<int> VersionCountAsync(int session)
    {
        await using var scope = _factory.Scope();
        return await scope.Db.SessionReportVersions.CountAsync(v => v.SessionId == session);
    }

    [Fact]
    public async Task The_rapporteur_writes_the_report_and_every_save_keeps_a_version()
    {
        var (meeting, session, _) = await MeetingAsync();

        var saved = await WriteAsync(_rapporteur, meeting, session, Report("States shared recruitment practices.",
            "Recruitment fees fall on workers\r\n\r\nBilateral agreements help", "Abolish recruitment fees\nPublish a list of licensed agencies"));
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal(["Recruitment fees fall on workers", "Bilateral agreements help"], saved.Texts("ol.key-points li"));
        Assert.Equal(["Abolish recruitment fees", "Publish a list of licensed agencies"], saved.Texts("ol.recommendations li"));

        var second = await WriteAsync(_secretariat, meeting, session, Report("States shared and compared recruitment practices.", "Recruitment fees fall on workers"));
        Assert.Contains("States shared and compared recruitment practices.", second.Text("section.session-report"), StringComparison.Ordinal);
        Assert.Equal(2, second.Texts("ol.report-versions li").Count);
        Assert.Contains("Secretariat", second.Texts("ol.report-versions li")[0], StringComparison.OrdinalIgnoreCase);

        using var reader = await TestSignIn.HtmlClientAsync(_factory, _otherFocalPoint);
        var first = await reader.GetAsync($"/meetings/{meeting}/sessions/{session}/report?version=1");
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Contains("This is an earlier version.", first.Html, StringComparison.Ordinal);
        Assert.Equal(["Abolish recruitment fees", "Publish a list of licensed agencies"], first.Texts("ol.recommendations li"));
        Assert.Null(first.Document.QuerySelector("form.report-form"));

        await using var scope = _factory.Scope();
        var versions = await scope.Db.SessionReportVersions.Include(v => v.Points).Where(v => v.SessionId == session).OrderBy(v => v.Number).ToListAsync();
        Assert.Equal([_rapporteur.Id, _secretariat.Id], versions.Select(v => v.SavedByUserId));
        Assert.Equal(["Abolish recruitment fees", "Publish a list of licensed agencies"],
            versions[0].Points.Where(p => p.Kind == ReportPointKind.Recommendation).OrderBy(p => p.Position).Select(p => p.Text));
        Assert.Equal([1, 2], versions[0].Points.Where(p => p.Kind == ReportPointKind.KeyPoint).Select(p => p.Position).Order());
    }

    [Fact]
    public async Task An_empty_summary_is_refused_and_nothing_is_stored()
    {
        var (meeting, session, _) = await MeetingAsync();
        var page = await WriteAsync(_rapporteur, meeting, session, Report("   ", "A key point"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.Status);
        Assert.Contains("Enter the summary of the session.", page.Text("form.report-form"), StringComparison.Ordinal);
        Assert.Equal(0, await VersionCountAsync(session));
    }

    [Fact]
    public async Task Nobody_but_the_rapporteur_and_the_secretariat_may_write()
    {
        var (meeting, session, _) = await MeetingAsync();
        foreach (var user in new[] { _chair, _otherFocalPoint })
        {
            using var browser = await TestSignIn.HtmlClientAsync(_factory, user);
            var page = await browser.GetAsync($"/meetings/{meeting}/sessions/{session}/report");
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Null(page.Document.QuerySelector("form.report-form"));
            // The token of the sign-out form is valid for any form of this user: post the report with it.
            var token = page.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>(Report("Written by someone else")) { ["__RequestVerificationToken"] = token });
            using var response = await browser.Http.PostAsync($"/meetings/{meeting}/sessions/{session}/report", content);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

            using var api = await TestSignIn.HttpClientAsync(_factory, user);
            using var put = await api.PutAsJsonAsync($"/api/v1/processes/midsa/meetings/{meeting}/sessions/{session}/report",
                new { summary = "Written by someone else" });
            Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
            Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);
        }
        using var anonymous = _factory.CreateClient();
        using var anonymousPut = await anonymous.PutAsJsonAsync($"/api/v1/processes/midsa/meetings/{meeting}/sessions/{session}/report", new { summary = "x" });
        Assert.False(anonymousPut.IsSuccessStatusCode);
        Assert.Equal(0, await VersionCountAsync(session));
    }

    [Fact]
    public async Task A_members_only_report_is_invisible_to_non_members_on_pages_api_and_downloads()
    {
        var (meeting, session, _) = await MeetingAsync();
        await WriteAsync(_rapporteur, meeting, session, Report("Confidential summary", "A key point", "A recommendation"));
        var addresses = new[]
        {
            $"/meetings/{meeting}/sessions/{session}/report", $"/meetings/{meeting}/report", $"/meetings/{meeting}/report/print",
            $"/meetings/{meeting}/report/print?handler=pdf", $"/api/v1/meetings/{meeting}/report", $"/api/v1/meetings/{meeting}/sessions/{session}/report",
        };
        using var anonymous = _factory.CreateClient();
        using var outsider = await TestSignIn.HttpClientAsync(_factory, _outsider);
        using var member = await TestSignIn.HttpClientAsync(_factory, _otherFocalPoint);
        foreach (var address in addresses)
        {
            foreach (var client in new[] { anonymous, outsider })
            {
                using var response = await client.GetAsync(address);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                Assert.DoesNotContain("Confidential summary", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        }
        foreach (var address in addresses.Where(a => !a.Contains("pdf", StringComparison.Ordinal)))
        {
            using var response = await member.GetAsync(address);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Confidential summary", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var put = await outsider.PutAsJsonAsync($"/api/v1/processes/midsa/meetings/{meeting}/sessions/{session}/report", new { summary = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [Fact]
    public async Task A_public_meeting_report_is_read_by_anyone_with_its_marker()
    {
        var (meeting, session, _) = await MeetingAsync(MeetingAudience.Public);
        await WriteAsync(_rapporteur, meeting, session, Report("Open summary", "", "Share data"));
        var page = await HtmlClient.For(_factory).GetAsync($"/meetings/{meeting}/report");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Public", page.Text(".markers"), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(["1.1"], page.Texts("table.raised-recommendations tbody th"));
        Assert.Null(page.Document.QuerySelector("form.report-form"));
    }

    [Fact]
    public async Task The_chair_adopts_and_later_edits_leave_the_adopted_version_unchanged()
    {
        var (meeting, first, second) = await MeetingAsync();
        await WriteAsync(_rapporteur, meeting, first, Report("First summary", "", "Abolish recruitment fees\nLicense agencies"));
        await WriteAsync(_rapporteur, meeting, second, Report("Second summary", "", "Lower remittance costs"));

        using var chair = await TestSignIn.HtmlClientAsync(_factory, _chair);
        var page = await chair.GetAsync($"/meetings/{meeting}/report");
        Assert.Equal(["1.1", "1.2", "2.1"], page.Texts("table.raised-recommendations tbody th"));
        var adopted = await chair.SubmitAsync(page, "form.report-form", new Dictionary<string, string> { ["Introduction"] = "The meeting was opened by the chair." },
            "button[value=adopt]");
        Assert.Equal(HttpStatusCode.OK, adopted.Status);
        Assert.Contains("Adopted: version 1", adopted.Html, StringComparison.Ordinal);
        // The meeting's people are told, each in their language (through the outbox).
        Assert.StartsWith("The report is adopted. ", adopted.Text("p.notice.ok"), StringComparison.Ordinal);
        await using (var mail = _factory.Scope())
        {
            Assert.Contains(_otherFocalPoint.Email, await mail.Db.OutboxMessages
                .Where(m => m.MeetingId == meeting && m.Kind == RcpHub.Infrastructure.Email.MailKind.ReportAdopted).Select(m => m.Email).ToListAsync());
        }

        await WriteAsync(_rapporteur, meeting, first, Report("First summary, corrected after adoption", "", "Abolish recruitment fees"));

        using var reader = await TestSignIn.HtmlClientAsync(_factory, _otherFocalPoint);
        var draft = await reader.GetAsync($"/meetings/{meeting}/report");
        Assert.Contains("First summary, corrected after adoption", draft.Html, StringComparison.Ordinal);
        Assert.Equal(["1.1", "2.1"], draft.Texts("table.raised-recommendations tbody th"));
        Assert.Null(draft.Document.QuerySelector("form.report-form"));
        var frozen = await reader.GetAsync($"/meetings/{meeting}/report?version=1");
        Assert.Contains("The meeting was opened by the chair.", frozen.Html, StringComparison.Ordinal);
        Assert.Contains("First summary", frozen.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("corrected after adoption", frozen.Html, StringComparison.Ordinal);
        Assert.Equal(["1.1", "1.2", "2.1"], frozen.Texts("table.raised-recommendations tbody th"));

        await using var scope = _factory.Scope();
        Assert.Equal(MeetingStatus.ReportAdopted, await scope.Db.Meetings.Where(m => m.Id == meeting).Select(m => m.Status).SingleAsync());
        var version = await scope.Db.MeetingReportVersions.SingleAsync(v => v.MeetingId == meeting);
        Assert.Equal(_chair.Id, version.SavedByUserId);
        Assert.NotNull(version.AdoptedAt);
    }

    [Fact]
    public async Task Two_saves_at_the_same_moment_both_become_complete_consecutive_versions()
    {
        var (meeting, session, _) = await MeetingAsync();
        using var rapporteur = await TestSignIn.HttpClientAsync(_factory, _rapporteur);
        using var secretariat = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        var address = $"/api/v1/processes/midsa/meetings/{meeting}/sessions/{session}/report";
        var saves = await Task.WhenAll(
            rapporteur.PutAsJsonAsync(address, new { summary = "Rapporteur's summary", keyPoints = new[] { "R1", "R2" }, recommendations = new[] { "R3" } }),
            secretariat.PutAsJsonAsync(address, new { summary = "Secretariat's summary", keyPoints = new[] { "S1", "S2" }, recommendations = new[] { "S3" } }));
        Assert.All(saves, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var r in saves)
        {
            r.Dispose();
        }

        await using var scope = _factory.Scope();
        var versions = await scope.Db.SessionReportVersions.Include(v => v.Points).Where(v => v.SessionId == session).OrderBy(v => v.Number).ToListAsync();
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.All(versions, v =>
        {
            var author = v.Summary[0];
            Assert.Equal([$"{author}1", $"{author}2", $"{author}3"], v.Points.OrderBy(p => p.Kind).ThenBy(p => p.Position).Select(p => p.Text));
        });
        Assert.Equal(2, versions.Select(v => v.Summary).Distinct().Count());

        await WriteAsync(_rapporteur, meeting, session, Report("Third summary"));
        using var adopter = await TestSignIn.HttpClientAsync(_factory, _chair);
        var adoptions = await Task.WhenAll(
            adopter.PostAsJsonAsync($"/api/v1/processes/midsa/meetings/{meeting}/report/adoption", new { introduction = "One" }),
            secretariat.PostAsJsonAsync($"/api/v1/processes/midsa/meetings/{meeting}/report/adoption", new { introduction = "Two" }));
        Assert.All(adoptions, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        foreach (var r in adoptions)
        {
            r.Dispose();
        }
        var reports = await scope.Db.MeetingReportVersions.Include(v => v.Entries).Where(v => v.MeetingId == meeting).OrderBy(v => v.Number).ToListAsync();
        Assert.Equal([1, 2], reports.Select(v => v.Number));
        Assert.All(reports, v => Assert.Single(v.Entries));
    }

    [Fact]
    public async Task A_focal_point_may_not_adopt_and_nothing_to_adopt_is_refused()
    {
        var (meeting, _, _) = await MeetingAsync();
        using var focalPoint = await TestSignIn.HttpClientAsync(_factory, _otherFocalPoint);
        using var refused = await focalPoint.PostAsJsonAsync($"/api/v1/processes/midsa/meetings/{meeting}/report/adoption", new { introduction = "x" });
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        using var secretariat = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using var empty = await secretariat.PostAsJsonAsync($"/api/v1/processes/midsa/meetings/{meeting}/report/adoption", new { introduction = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        await using var scope = _factory.Scope();
        Assert.False(await scope.Db.MeetingReportVersions.AnyAsync(v => v.MeetingId == meeting));
        Assert.Equal(MeetingStatus.Planned, await scope.Db.Meetings.Where(m => m.Id == meeting).Select(m => m.Status).SingleAsync());
    }

    [Fact]
    public async Task Adopting_is_refused_for_a_cancelled_or_future_meeting_and_when_nothing_changed()
    {
        var (cancelled, cancelledSession, _) = await MeetingAsync();
        var (future, futureSession, _) = await MeetingAsync(daysFromNow: 10);
        var (held, heldSession, _) = await MeetingAsync();
        foreach (var (meeting, session) in new[] { (cancelled, cancelledSession), (future, futureSession), (held, heldSession) })
        {
            await WriteAsync(_rapporteur, meeting, session, Report("Summary"));
        }
        await using (var scope = _factory.Scope())
        {
            await scope.Db.Meetings.Where(m => m.Id == cancelled).ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, MeetingStatus.Cancelled));
        }

        using var secretariat = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        async Task<(HttpStatusCode Status, string Detail)> AdoptAsync(int meeting, string introduction, string language = "en")
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/processes/midsa/meetings/{meeting}/report/adoption")
            {
                Content = JsonContent.Create(new { introduction }),
            };
            request.Headers.AcceptLanguage.ParseAdd(language);
            using var response = await secretariat.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            return (response.StatusCode, response.IsSuccessStatusCode ? "" : JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!);
        }

        Assert.Equal((HttpStatusCode.Conflict, "The meeting was cancelled: there is no report to adopt."), await AdoptAsync(cancelled, "Opening"));
        Assert.Equal((HttpStatusCode.Conflict, "La réunion n'a pas encore commencé : son rapport pourra être adopté une fois qu'elle aura eu lieu."),
            await AdoptAsync(future, "Opening", "fr"));
        Assert.Equal(HttpStatusCode.Created, (await AdoptAsync(held, "Opening")).Status);
        Assert.Equal((HttpStatusCode.Conflict, "Nothing has changed since the report was last adopted."), await AdoptAsync(held, " Opening "));
        Assert.Equal(HttpStatusCode.Created, (await AdoptAsync(held, "Opening, amended")).Status);

        using var chair = await TestSignIn.HtmlClientAsync(_factory, _chair);
        var page = await chair.GetAsync($"/meetings/{held}/report");
        var again = await chair.SubmitAsync(page, "form.report-form", new Dictionary<string, string> { ["Introduction"] = "Opening, amended" }, "button[value=adopt]");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.Status);
        Assert.Contains("Nothing has changed since the report was last adopted.", again.Text("form.report-form"), StringComparison.Ordinal);
        var futurePage = await chair.GetAsync($"/meetings/{future}/report");
        var early = await chair.SubmitAsync(futurePage, "form.report-form", new Dictionary<string, string> { ["Introduction"] = "Opening" }, "button[value=adopt]");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, early.Status);

        await using var check = _factory.Scope();
        Assert.False(await check.Db.MeetingReportVersions.AnyAsync(v => v.MeetingId == cancelled || v.MeetingId == future));
        Assert.Equal(2, await check.Db.MeetingReportVersions.CountAsync(v => v.MeetingId == held));
        Assert.Equal(MeetingStatus.Cancelled, await check.Db.Meetings.Where(m => m.Id == cancelled).Select(m => m.Status).SingleAsync());
    }

    [Fact]
    public async Task The_api_writes_reads_validates_and_adopts()
    {
        var (meeting, session, _) = await MeetingAsync();
        using var rapporteur = await TestSignIn.HttpClientAsync(_factory, _rapporteur);
        var address = $"/api/v1/processes/midsa/meetings/{meeting}/sessions/{session}/report";

        using var tooLong = await rapporteur.PutAsJsonAsync(address, new { summary = new string('x', 4001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.True((await tooLong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("summary", out _));
        using var empty = await rapporteur.PutAsJsonAsync(address, new { summary = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(0, await VersionCountAsync(session));

        using var saved = await rapporteur.PutAsJsonAsync(address, new
        {
            summary = "Summary by API",
            keyPoints = new[] { "Point one", "Point two" },
            recommendations = new[] { "Recommend this" },
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var report = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, report.GetProperty("number").GetInt32());
        Assert.Equal("Point two", report.GetProperty("keyPoints")[1].GetProperty("text").GetString());

        using var secretariat = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using var adopted = await secretariat.PostAsJsonAsync($"/api/v1/processes/midsa/meetings/{meeting}/report/adoption", new { introduction = "Opening" });
        Assert.Equal(HttpStatusCode.Created, adopted.StatusCode);

        var read = await rapporteur.GetFromJsonAsync<JsonElement>($"/api/v1/meetings/{meeting}/report");
        Assert.Equal(1, read.GetProperty("adoptedVersion").GetInt32());
        var recommendation = read.GetProperty("report").GetProperty("recommendations")[0];
        Assert.Equal("1.1", recommendation.GetProperty("number").GetString());
        Assert.Equal("Recommend this", recommendation.GetProperty("text").GetString());
        Assert.True(recommendation.GetProperty("id").GetInt32() > 0);
    }

    [Fact]
    public async Task The_report_downloads_as_a_pdf_with_its_key_points()
    {
        var (meeting, session, _) = await MeetingAsync();
        await WriteAsync(_rapporteur, meeting, session, Report("Summary for print", "Portable pensions for migrant workers"));
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _secretariat);

        var print = await browser.GetAsync($"/meetings/{meeting}/report/print");
        Assert.Equal(HttpStatusCode.OK, print.Status);
        Assert.Equal(["Portable pensions for migrant workers"], print.Texts("ol li"));

        using var response = await browser.Http.GetAsync($"/meetings/{meeting}/report/print?handler=pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.Contains("Portable pensions for migrant workers", await PdfTextAsync(pdf), StringComparison.Ordinal);
        Assert.True(await PdfTaggedAsync(pdf), "The PDF lost its structure tree (tags), which screen readers follow.");
    }

    [Fact]
    public async Task Without_chromium_the_pdf_answers_503_pointing_to_the_printable_page()
    {
        await using var factory = await RcpHubFactory.CreateAsync(f => f.Settings["Reports:ChromiumPath"] = "/nonexistent/chromium");
        var midsa = await Arrange.ProcessIdAsync(factory, "midsa");
        var meeting = await Arrange.MeetingAsync(factory, midsa, "Public meeting", MeetingAudience.Public);
        using var client = factory.CreateClient();
        using var response = await client.GetAsync($"/meetings/{meeting.Id}/report/print?handler=pdf");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"/meetings/{meeting.Id}/report/print", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_meeting_pack_holds_the_current_report_for_its_readers_only()
    {
        var (meeting, session, _) = await MeetingAsync();
        await WriteAsync(_rapporteur, meeting, session, Report("Summary packed for offline reading", "", "Packed recommendation"));
        var (unreported, _, _) = await MeetingAsync();

        using var member = await TestSignIn.HttpClientAsync(_factory, _otherFocalPoint);
        using (var pack = await member.GetAsync($"/api/v1/meetings/{meeting}/pack"))
        {
            Assert.Equal(HttpStatusCode.OK, pack.StatusCode);
            using var zip = new System.IO.Compression.ZipArchive(await pack.Content.ReadAsStreamAsync(), System.IO.Compression.ZipArchiveMode.Read);
            var report = await new StreamReader(zip.GetEntry("report.html")!.Open()).ReadToEndAsync();
            Assert.Contains("Summary packed for offline reading", report, StringComparison.Ordinal);
            Assert.Contains("Packed recommendation", report, StringComparison.Ordinal);
            Assert.Contains("href=\"report.html\"", await new StreamReader(zip.GetEntry("agenda.html")!.Open()).ReadToEndAsync(), StringComparison.Ordinal);
        }
        using (var pack = await member.GetAsync($"/api/v1/meetings/{unreported}/pack"))
        {
            using var zip = new System.IO.Compression.ZipArchive(await pack.Content.ReadAsStreamAsync(), System.IO.Compression.ZipArchiveMode.Read);
            Assert.Null(zip.GetEntry("report.html"));
        }
        using var outsider = await TestSignIn.HttpClientAsync(_factory, _outsider);
        using var refused = await outsider.GetAsync($"/api/v1/meetings/{meeting}/pack");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("Summary packed", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_every_chromium_is_busy_the_pdf_answers_503_with_retry_after_and_the_printable_page()
    {
        await using var factory = await RcpHubFactory.CreateAsync(f =>
        {
            f.Settings["Reports:MaxConcurrentPdf"] = "1";
            f.Settings["Reports:PdfWaitSeconds"] = "0";
        });
        var midsa = await Arrange.ProcessIdAsync(factory, "midsa");
        var meeting = await Arrange.MeetingAsync(factory, midsa, "Public meeting", MeetingAudience.Public);
        var address = $"/meetings/{meeting.Id}/report/print?handler=pdf";
        var chromium = factory.Services.GetRequiredService<RcpHub.Features.Reports.ChromiumPdf>();
        using var client = factory.CreateClient();
        using (var held = await chromium.TakeSlotAsync(TestContext.Current.CancellationToken))
        {
            Assert.NotNull(held);
            using var busy = await client.GetAsync(address);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(1), busy.Headers.RetryAfter?.Delta);
            Assert.Contains($"/meetings/{meeting.Id}/report/print", await busy.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using var freed = await client.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, freed.StatusCode);
        Assert.Equal("application/pdf", freed.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Report_pages_of_a_full_meeting_stay_within_ten_queries()
    {
        var meeting = await Arrange.MeetingAsync(_factory, _midsa, "A meeting of many sessions", daysFromNow: -2, configure: m =>
        {
            for (var s = 1; s <= 10; s++)
            {
                m.Sessions.Add(new Session { Title = $"Session {s}", Position = s, RapporteurUserId = _rapporteur.Id });
            }
        });
        await using (var scope = _factory.Scope())
        {
            foreach (var session in await scope.Db.Sessions.Where(s => s.MeetingId == meeting.Id).ToListAsync())
            {
                for (var n = 1; n <= 3; n++)
                {
                    var version = new SessionReportVersion { SessionId = session.Id, Number = n, Summary = $"Summary {n}", SavedByUserId = _rapporteur.Id, SavedAt = DateTimeOffset.UtcNow };
                    for (var p = 1; p <= 5; p++)
                    {
                        version.Points.Add(new ReportPoint { Kind = ReportPointKind.KeyPoint, Position = p, Text = $"Key point {p}" });
                        version.Points.Add(new ReportPoint { Kind = ReportPointKind.Recommendation, Position = p, Text = $"Recommendation {p}" });
                    }
                    scope.Db.SessionReportVersions.Add(version);
                }
            }
            await scope.Db.SaveChangesAsync();
        }
        using var secretariat = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using (var adopted = await secretariat.PostAsJsonAsync($"/api/v1/processes/midsa/meetings/{meeting.Id}/report/adoption", new { introduction = "Opening" }))
        {
            Assert.Equal(HttpStatusCode.Created, adopted.StatusCode);
        }
        var session1 = await FirstSessionAsync(meeting.Id);
        foreach (var url in new[]
        {
            $"/meetings/{meeting.Id}/report", $"/meetings/{meeting.Id}/report?version=1", $"/meetings/{meeting.Id}/report/print?version=1",
            $"/meetings/{meeting.Id}/sessions/{session1}/report", $"/meetings/{meeting.Id}/sessions/{session1}/report?version=2",
            $"/api/v1/meetings/{meeting.Id}/report", $"/api/v1/meetings/{meeting.Id}/sessions/{session1}/report",
        })
        {
            _factory.Queries.Reset();
            using var response = await secretariat.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(_factory.Queries.Count <= 10, $"{_factory.Queries.Count} queries for {url}");
            Assert.Contains("Recommendation 5", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    private async Task<int> FirstSessionAsync(int meeting)
    {
        await using var scope = _factory.Scope();
        return await scope.Db.Sessions.Where(s => s.MeetingId == meeting).OrderBy(s => s.Position).Select(s => s.Id).FirstAsync();
    }

    /// <summary>The text of a PDF, read back with poppler's pdftotext in a temporary folder.</summary>
    internal static Task<string> PdfTextAsync(byte[] pdf) => PopplerAsync("pdftotext", pdf, "-");

    /// <summary>Whether the PDF carries its structure tree (what screen readers follow), as poppler's pdfinfo reads it.</summary>
    internal static async Task<bool> PdfTaggedAsync(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.IsMatch(await PopplerAsync("pdfinfo", pdf), @"^Tagged:\s+yes\s*$", System.Text.RegularExpressions.RegexOptions.Multiline);

    private static async Task<string> PopplerAsync(string tool, byte[] pdf, params string[] after)
    {
        var folder = Directory.CreateTempSubdirectory("rcphub-pdf-test-").FullName;
        try
        {
            var file = Path.Combine(folder, "report.pdf");
            await File.WriteAllBytesAsync(file, pdf);
            var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add(file);
            foreach (var argument in after)
            {
                start.ArgumentList.Add(argument);
            }
            using var process = System.Diagnostics.Process.Start(start)!;
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var text = await process.StandardOutput.ReadToEndAsync(limit.Token);
            await process.WaitForExitAsync(limit.Token);
            return text;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
