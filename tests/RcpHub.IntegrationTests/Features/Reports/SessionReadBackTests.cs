using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Reports;

/// <summary>A real session as a programme and its rapporteur give it: a civil-society session on RCPs with a code, a chair
/// and a co-chair, a moderator, speakers and discussants for states, organisations (one new to the platform) and in a
/// personal capacity, a rapporteur without an account, guiding questions, and a report pasted from a PDF (hard-wrapped,
/// CRLF, close to 4,000 characters of summary, seven key points, recommendations). Entered through the forms as a
/// secretariat officer would, adopted, then read back: every item is on the session page, the printable report, its PDF
/// and the meeting pack.</summary>
public sealed partial class SessionReadBackTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private int _midsa;
    private AppUser _secretariat = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        _midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        _secretariat = await TestSignIn.CreateUserAsync(_factory, "secretariat@midsa.example", roles: new ReaderRole(_midsa, ProcessRole.Secretariat));
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private static readonly string[] GuidingQuestions =
    [
        "How can RCPs open their meetings to civil society without losing the trust between states?",
        "Which practices of consultation have worked in the region, and why?",
        "What should a civil-society session feed into the Senior Officials' Meeting?",
        "How can the voices of migrants themselves be heard in the process?",
    ];

    private static readonly string[] SummaryParagraphs =
    [
        "The session brought together representatives of civil society organisations, member states and international organisations to discuss how Regional Consultative Processes on migration can engage civil society in a meaningful and sustained way. The Chair recalled that RCPs are state-led, informal and non-binding, and that their value lies in the trust built among officials who meet regularly; opening them to other actors must therefore be done with care.",
        "Speakers described the current state of engagement across the region. In several processes civil society is invited to a dedicated session before the Senior Officials' Meeting, but its conclusions rarely reach the ministers. Participants noted that consultations are often announced late, that documents are shared only in one language, and that organisations working with migrants in the most remote areas are seldom represented. The moderator asked each speaker to identify one concrete practice that had made a difference.",
        "The representative of South Africa presented the national consultation held before each ministerial meeting, in which trade unions, employers' organisations and migrant associations comment on the draft outcome document. The co-chair, speaking for the International Organization for Migration, described the support given to secretariats in mapping civil society actors and in organising side events that are open to the public and recorded in the meeting report.",
        "Civil society speakers stressed that participation must be more than a formality. They called for predictable calendars, for the publication of agendas and background papers at least four weeks in advance, for interpretation into the working languages of the process, and for a clear explanation of how their contributions are taken into account. A speaker from the Migrant Workers Forum of Southern Africa recalled that migrants in an irregular situation fear exposure and need safe channels to contribute.",
        "Discussants welcomed the proposals but reminded participants of the limits of the format. States value the informal character of RCPs, which allows them to explore difficult issues without commitment; a wider audience can change the tone of the discussion. The discussant speaking in a personal capacity suggested a layered approach: closed sessions among states, open thematic sessions with civil society, and a public summary of both, adopted by the chair.",
        "Several speakers returned to the question of resources. Secretariats of RCPs are small and often funded by a few partners, and the costs of interpretation, travel support for civil society participants and the translation of documents compete with the core work of the process. Participants suggested that member states consider a modest dedicated budget line, that partners support the participation of grassroots organisations, and that online participation be offered where travel is not possible, while recognising that informal exchanges in the margins of a meeting cannot be fully replaced.",
        "Participants also discussed the language of the process. Documents prepared only in English exclude many organisations in francophone and lusophone countries of the region, and the interpretation of civil-society sessions is often the first cost to be cut. The moderator invited the secretariat to consider a simple rule: every document of a session is available in the working languages at the same time, and civil society is told in advance which documents will be discussed.",
        "In closing, the Chair summarised the convergence that emerged: participation works when it is planned early, resourced, documented and followed up, and when civil society can see what became of its recommendations. The rapporteur was asked to reflect the key points and recommendations in the report of the session, to be transmitted to the Senior Officials' Meeting for consideration. The Chair thanked the speakers and the interpreters, and closed the session on time.",
    ];

    private static readonly string[] DiscussionParagraphs =
    [
        "Several participants asked how the recommendations of this session would be followed up. The secretariat explained that recommendations raised in a session report are numbered and carried into the meeting report, where their follow-up can be recorded.",
        "A member state observed that some of the proposals, such as interpretation into all working languages, have budget implications that the Senior Officials would need to consider.",
    ];

    private static readonly string[] KeyPoints =
    [
        "RCPs are state-led, informal and non-binding; their value lies in the trust built among officials who meet regularly.",
        "Civil society participation works when it is planned early, resourced, documented and followed up.",
        "Agendas and background papers should be published at least four weeks before a meeting, in the working languages of the process.",
        "National consultations before ministerial meetings, such as South Africa's, help bring the views of trade unions, employers and migrant associations into the process.",
        "Migrants in an irregular situation need safe channels to contribute without fear of exposure.",
        "A layered format (closed sessions among states, open thematic sessions, a public summary adopted by the chair) keeps the informal character of RCPs while opening them.\n\nParticipants asked that the public summary be published within a month of the meeting.",
        "Civil society should be able to see what became of its recommendations in the meeting report and its follow-up.",
    ];

    private static readonly string[] Recommendations =
    [
        "The secretariat publishes the calendar of meetings a year ahead and the agenda and background papers four weeks before each meeting.",
        "Member states hold national consultations with civil society before each ministerial meeting and report on them to the Senior Officials.",
        "The chair adopts and publishes a public summary of each meeting, including the recommendations of the civil-society session and their follow-up.",
    ];

    /// <summary>Text as a PDF reader copies it: lines broken at about 70 characters, CRLF line ends, words split with
    /// a hyphen at some line ends.</summary>
    private static string HardWrapped(string text, string indent = "")
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        var first = true;
        foreach (var word in text.Split(' '))
        {
            if (line.Length + word.Length + 1 > 70 && line.Length > 0)
            {
                // Split a long lower-case word across the line end, as typeset PDFs do.
                if (word.Length > 9 && word.All(char.IsLower))
                {
                    line.Append(' ').Append(word[..4]).Append('-');
                    lines.Add(line.ToString());
                    line.Clear().Append(indent).Append(word[4..]);
                    first = false;
                    continue;
                }
                lines.Add(line.ToString());
                line.Clear().Append(indent);
                first = true;
            }
            if (!first)
            {
                line.Append(' ');
            }
            first = false;
            line.Append(word);
        }
        lines.Add(line.ToString());
        return string.Join("\r\n", lines);
    }

    private static string Pasted(IEnumerable<string> paragraphs) => string.Join("\r\n\r\n", paragraphs.Select(p => HardWrapped(p)));

    private static string PastedList(IEnumerable<string> points, Func<int, string> marker) =>
        string.Join("\r\n", points.Select((p, i) => marker(i) + " " + string.Join("\r\n\r\n   ", p.Split("\n\n").Select(q => HardWrapped(q, "   ")))));

    /// <summary>Every item of the session a reader must find, as its text (white space made single).</summary>
    private static List<string> Items(string iomName) =>
    [
        "Session 3.3",
        "Civil society and Regional Consultative Processes: from consultation to participation",
        "Ambassador Fatima Diallo, Senegal",
        $"Dr Peter Mwangi, {iomName}",
        "Grace Achieng (in a personal capacity)",
        "Thandi Nkosi, South Africa",
        "Mohamed Salah, Migrant Workers Forum of Southern Africa",
        "Maria Fernandes, Southern Africa Trade Union Coordination Council",
        "Prof. Aderanti Okon (in a personal capacity)",
        "Wanjiru Kamau, Kenya Human Rights Commission",
        .. GuidingQuestions,
        .. SummaryParagraphs,
        .. DiscussionParagraphs,
        .. KeyPoints.SelectMany(p => p.Split("\n\n")),
        .. Recommendations,
    ];

    [Fact]
    public async Task A_real_session_entered_through_the_forms_reads_back_whole_on_the_page_in_print_pdf_and_pack()
    {
        var meeting = await Arrange.MeetingAsync(_factory, _midsa, "Civil society consultation on RCPs", daysFromNow: -2);
        int iom;
        string iomName;
        await using (var scope = _factory.Scope())
        {
            var organization = await scope.Db.Organizations.Where(o => o.Slug == "iom").Select(o => new { o.Id, o.Name }).SingleAsync();
            (iom, iomName) = (organization.Id, organization.Name);
        }
        using var browser = await TestSignIn.HtmlClientAsync(_factory, _secretariat);

        // The programme: code, title, guiding questions, rapporteur without an account.
        var sessions = await browser.GetAsync($"/processes/midsa/meetings/{meeting.Id}/sessions");
        var session = await browser.SubmitAsync(sessions, "form[action*='handler=Add']", new Dictionary<string, string>
        {
            ["Session.Code"] = "Session 3.3",
            ["Session.Title"] = "Civil society and Regional Consultative Processes: from consultation to participation",
        });
        Assert.Equal(HttpStatusCode.OK, session.Status);
        var sessionId = int.Parse(SessionAddress().Match(session.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        session = await browser.SubmitAsync(session, "form.session-form", new Dictionary<string, string>
        {
            ["Session.GuidingQuestions"] = string.Join("\r\n", GuidingQuestions),
            ["Session.RapporteurName"] = "Wanjiru Kamau",
            ["Session.RapporteurAffiliation"] = "Kenya Human Rights Commission",
        });
        Assert.Equal(HttpStatusCode.OK, session.Status);

        // The panel, one person at a time; two organisations are named for the first time (one of them twice).
        (string Role, string Name, string For, string? NewOrganization)[] people =
        [
            ("Chair", "Ambassador Fatima Diallo", "state:SEN", null),
            ("CoChair", "Dr Peter Mwangi", $"org:{iom}", null),
            ("Moderator", "Grace Achieng", "personal", null),
            ("Speaker", "Thandi Nkosi", "state:ZAF", null),
            ("Speaker", "Mohamed Salah", "new", "Migrant Workers Forum of Southern Africa"),
            ("Speaker", "Maria Fernandes", "new", "Southern Africa Trade Union Coordination Council"),
            ("Discussant", "Prof. Aderanti Okon", "personal", null),
        ];
        foreach (var (role, name, speaksFor, organisation) in people)
        {
            session = await browser.SubmitAsync(session, "form[action*='handler=AddPerson']", new Dictionary<string, string>
            {
                ["Person.Role"] = role,
                ["Person.Name"] = name,
                ["Person.SpeaksFor"] = speaksFor,
                ["Person.NewOrganizationName"] = organisation ?? "",
                ["Person.NewOrganizationAcronym"] = organisation is null ? "" : "X" + name[..2].ToUpperInvariant(),
                ["Person.NewOrganizationKind"] = "CivilSociety",
            });
            Assert.Equal(HttpStatusCode.OK, session.Status);
        }
        await using (var scope = _factory.Scope())
        {
            Assert.Equal(1, await scope.Db.Organizations.CountAsync(o => o.Name == "Migrant Workers Forum of Southern Africa"));
        }

        // The report, pasted from the rapporteur's PDF: previewed, then saved as previewed.
        var summary = Pasted(SummaryParagraphs);
        var stored = string.Join("\n\n", SummaryParagraphs);
        Assert.True(summary.Length > 4000, $"The pasted summary has {summary.Length} characters with its CRLF line ends.");
        Assert.InRange(stored.Length, 3900, 4000);
        var reportAddress = $"/meetings/{meeting.Id}/sessions/{sessionId}/report";
        var page = await browser.GetAsync(reportAddress);
        var preview = await browser.SubmitAsync(page, "form.report-form", new Dictionary<string, string>
        {
            ["Input.Summary"] = summary,
            ["Input.Discussion"] = Pasted(DiscussionParagraphs),
            ["Input.KeyPoints"] = PastedList(KeyPoints, i => $"{i + 1}."),
            ["Input.Recommendations"] = PastedList(Recommendations, i => $"({(char)('a' + i)})"),
        }, "button[value=preview]");
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Equal(KeyPoints.Select(Flat), preview.Document.QuerySelectorAll(".report-preview ol.key-points > li").Select(li => Flat(string.Join(" ", li.QuerySelectorAll("p").Select(p => p.TextContent)))));
        Assert.Contains(Flat($"{stored.Length:N0} of 4,000 characters"), Flat(preview.Text("#Input_Summary_count")), StringComparison.Ordinal);
        var saved = await browser.SubmitAsync(preview, "form.report-form", new Dictionary<string, string>(), "button[value=save]");
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        await using (var scope = _factory.Scope())
        {
            var version = await scope.Db.SessionReportVersions.Include(v => v.Points).SingleAsync(v => v.SessionId == sessionId);
            Assert.Equal(stored, version.Summary);
            Assert.Equal(KeyPoints, version.Points.Where(p => p.Kind == ReportPointKind.KeyPoint).OrderBy(p => p.Position).Select(p => p.Text));
        }

        // Adopted by the secretariat: print, PDF and pack give the adopted version by default.
        var report = await browser.GetAsync($"/meetings/{meeting.Id}/report");
        var adopted = await browser.SubmitAsync(report, "form.report-form", new Dictionary<string, string>(), "button[value=adopt]");
        Assert.Equal(HttpStatusCode.OK, adopted.Status);

        var items = Items(iomName);
        var sessionPage = Flat((await browser.GetAsync(reportAddress)).Document.Body!.TextContent);
        var print = await browser.GetAsync($"/meetings/{meeting.Id}/report/print");
        var printText = Flat(print.Document.Body!.TextContent);
        using var pdfResponse = await browser.Http.GetAsync($"/meetings/{meeting.Id}/report/print?handler=pdf");
        Assert.Equal(HttpStatusCode.OK, pdfResponse.StatusCode);
        var pdfText = Flat(await ReportTests.PdfTextAsync(await pdfResponse.Content.ReadAsByteArrayAsync()));
        using var packResponse = await browser.Http.GetAsync($"/api/v1/meetings/{meeting.Id}/pack");
        Assert.Equal(HttpStatusCode.OK, packResponse.StatusCode);
        using var pack = new ZipArchive(await packResponse.Content.ReadAsStreamAsync());
        using var packReader = new StreamReader(pack.GetEntry("report.html")!.Open());
        var packText = Flat(new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await packReader.ReadToEndAsync()).Body!.TextContent);

        var readers = new Dictionary<string, string> { ["session page"] = sessionPage, ["print"] = printText, ["PDF"] = pdfText, ["pack"] = packText };
        // A PDF line may end at the hyphen of a compound ("civil-" / "society"), which pdftotext reads back joined without
        // it: the PDF is compared without hyphens.
        string Read(string reader, string text) => reader == "PDF" ? Hyphens().Replace(text, "") : text;
        var missing = readers.SelectMany(r => items.Where(i => !Read(r.Key, r.Value).Contains(Read(r.Key, Flat(i)), StringComparison.Ordinal)).Select(i => $"{r.Key}: {i}")).ToList();
        Assert.True(missing.Count == 0, $"{items.Count} items; missing:\n{string.Join("\n", missing)}");
        Assert.Equal(35, items.Count);
        foreach (var (name, text) in readers.Where(r => r.Key != "session page"))
        {
            Assert.Contains("Adopted: version 1", text, StringComparison.Ordinal);
        }
        Assert.Contains("Current draft", Flat((await browser.GetAsync($"/meetings/{meeting.Id}/report/print?draft=true")).Document.Body!.TextContent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rapporteur_with_an_account_reads_the_meeting_and_writes_the_report_and_nobody_else_of_their_kind_does()
    {
        var civilSociety = await TestSignIn.CreateUserAsync(_factory, "rapporteur@ngo.example", roles: new ReaderRole(_midsa, ProcessRole.CivilSociety));
        var otherCivilSociety = await TestSignIn.CreateUserAsync(_factory, "other@ngo.example", roles: new ReaderRole(_midsa, ProcessRole.CivilSociety));
        var meeting = await Arrange.MeetingAsync(_factory, _midsa, "Members-only meeting", daysFromNow: -2, configure: m => m.Sessions.Add(new Session { Title = "Civil society", Position = 1 }));
        int sessionId;
        await using (var scope = _factory.Scope())
        {
            sessionId = await scope.Db.Sessions.Where(s => s.MeetingId == meeting.Id).Select(s => s.Id).SingleAsync();
        }
        using var rapporteur = await TestSignIn.HtmlClientAsync(_factory, civilSociety);
        using var other = await TestSignIn.HtmlClientAsync(_factory, otherCivilSociety);
        var reportAddress = $"/meetings/{meeting.Id}/sessions/{sessionId}/report";
        Assert.Equal(HttpStatusCode.NotFound, (await rapporteur.GetAsync(reportAddress)).Status);

        using var secretariat = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var session = await secretariat.GetAsync($"/processes/midsa/meetings/{meeting.Id}/sessions/{sessionId}");
        session = await secretariat.SubmitAsync(session, "form.session-form", new Dictionary<string, string> { ["Session.RapporteurUserId"] = civilSociety.Id });
        Assert.Equal(HttpStatusCode.OK, session.Status);

        Assert.Equal(HttpStatusCode.OK, (await rapporteur.GetAsync($"/meetings/{meeting.Id}")).Status);
        var page = await rapporteur.GetAsync(reportAddress);
        var saved = await rapporteur.SubmitAsync(page, "form.report-form", new Dictionary<string, string> { ["Input.Summary"] = "Written by the rapporteur." }, "button[value=save]");
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains("Written by the rapporteur.", saved.Text(".session-report"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(reportAddress)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/meetings/{meeting.Id}")).Status);
    }

    /// <summary>Text with its white space made single spaces, the ligatures a PDF may carry undone, and the invisible
    /// direction marks that isolate names (&lt;bdi&gt;) left out: what a reader sees.</summary>
    private static string Flat(string text) => Spaces().Replace(Invisible().Replace(text.Replace("ﬁ", "fi", StringComparison.Ordinal).Replace("ﬂ", "fl", StringComparison.Ordinal), ""), " ").Trim();

    [GeneratedRegex("[\u200E\u200F\u2066-\u2069]")]
    private static partial Regex Invisible();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"-\s?")]
    private static partial Regex Hyphens();

    [GeneratedRegex(@"/sessions/(\d+)")]
    private static partial Regex SessionAddress();
}
