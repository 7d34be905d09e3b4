using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Features.Documents;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Calls;

/// <summary>What an applicant and a secretariat meet around a call (issue 11, items 2-3): the deadline on each reader's
/// clock and written on the writer's, and the files an organisation attaches to its application, read only by those who
/// may read the application; a wrong file, or too many, stores nothing.</summary>
public sealed class CallDetailsTests : IAsyncLifetime
{
    private const string Calls = CallArrange.Calls;
    private RcpHubFactory _factory = null!;
    private AppUser _secretariat = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        await PageCatalogue.PrepareAsync(_factory);
        await using var scope = _factory.Scope();
        _secretariat = await scope.Db.Users.AsNoTracking().SingleAsync(u => u.Email == "secretariat@demo.rcphub.test");
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task SetZoneAsync(AppUser user, string zone)
    {
        await using var scope = _factory.Scope();
        await scope.Db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.TimeZoneId, zone));
    }

    private Task<int> PublishedCallAsync() => CallArrange.PublishedCallAsync(_factory);

    private Task<(AppUser User, int Organization)> ApplicantAsync(string name) => CallArrange.ApplicantAsync(_factory, name);

    private static Dictionary<string, string> Application() => new()
    {
        ["Application.Motivation"] = "We run legal clinics for migrant workers.",
        ["Application.RepresentativeName"] = "Aminata Diallo",
        ["Application.RepresentativeEmail"] = "aminata@example.org",
        ["Application.CountryCode"] = "SEN",
    };

    private static KeyValuePair<string, (string, byte[])> Attachment(string fileName, byte[] content) => new("Attachments", (fileName, content));

    /// <summary>The text as a reader's eye takes it: without the isolation marks around a zone's name, and with the narrow
    /// no-break space that English time formats put before "AM" read as a space.</summary>
    private static string Seen(string text) =>
        text.Replace("\u2068", "", StringComparison.Ordinal).Replace("\u2069", "", StringComparison.Ordinal).Replace('\u202F', ' ');

    [Fact]
    public async Task A_call_s_deadline_is_written_on_the_writer_s_clock_and_shown_on_each_reader_s()
    {
        await SetZoneAsync(_secretariat, "Asia/Tokyo");
        using var secretariat = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var form = await secretariat.GetAsync("/processes/demo/calls/edit");
        Assert.Contains("Asia/Tokyo", form.Text("label[for='Call_Deadline']"), StringComparison.Ordinal);
        var fields = new Dictionary<string, string>
        {
            ["Call.Title"] = "Call with a deadline in Tokyo",
            ["Call.Eligibility"] = "Organisations working with migrants.",
            ["Call.Places"] = "2",
            ["Call.Deadline"] = "2030-03-01T09:00",
            ["Call.Regions"] = "West Africa | SEN NGA",
        };
        var saved = await secretariat.SubmitAsync(form, "#call-form", fields);
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal("1 March 2030, 9:00 AM (Asia/Tokyo)", Seen(saved.Text("#call-terms time")));
        int call;
        await using (var scope = _factory.Scope())
        {
            var stored = await scope.Db.ParticipationCalls.AsNoTracking().SingleAsync(c => c.Title == "Call with a deadline in Tokyo");
            Assert.Equal(new DateTimeOffset(2030, 3, 1, 0, 0, 0, TimeSpan.Zero), stored.Deadline);
            call = stored.Id;
        }
        var again = await secretariat.GetAsync($"/processes/demo/calls/edit/{call}");
        Assert.StartsWith("2030-03-01T09:00", again.Document.QuerySelector("#Call_Deadline")!.GetAttribute("value"), StringComparison.Ordinal);

        using var http = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using (var published = await http.PostAsync($"{Calls}/{call}/publication", null))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        }
        var list = await secretariat.GetAsync("/processes/demo/calls");
        Assert.Contains("Deadline: 1 March 2030, 9:00 AM (Asia/Tokyo)", Seen(list.Document.Body!.TextContent), StringComparison.Ordinal);

        using var anonymous = HtmlClient.For(_factory);
        Assert.Equal("1 March 2030, 12:00 AM (UTC)", Seen((await anonymous.GetAsync($"/processes/demo/calls/{call}")).Text("#call-terms time")));
        Assert.Equal("28 February 2030, 9:00 PM (America/Sao Paulo)",
            Seen((await anonymous.GetAsync($"/processes/demo/calls/{call}?tz=America/Sao_Paulo")).Text("#call-terms time")));
    }

    [Fact]
    public async Task A_deadline_the_writer_s_clocks_skip_is_refused_on_its_field_and_nothing_is_stored()
    {
        await SetZoneAsync(_secretariat, "Europe/Paris");
        using var secretariat = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var form = await secretariat.GetAsync("/processes/demo/calls/edit");
        var refused = await secretariat.SubmitAsync(form, "#call-form", new Dictionary<string, string>
        {
            ["Call.Title"] = "Call at a time that does not exist",
            ["Call.Eligibility"] = "Organisations working with migrants.",
            ["Call.Places"] = "2",
            // Clocks in Paris go from 02:00 to 03:00 on 31 March 2030.
            ["Call.Deadline"] = "2030-03-31T02:30",
            ["Call.Regions"] = "West Africa | SEN NGA",
        });
        Assert.Equal("This time does not exist on your clock (Europe/Paris): the clocks change then.", refused.Text("[data-valmsg-for='Call.Deadline']"));
        await using var scope = _factory.Scope();
        Assert.False(await scope.Db.ParticipationCalls.AnyAsync(c => c.Title == "Call at a time that does not exist"));
    }

    [Fact]
    public async Task An_application_s_files_are_read_by_its_organisation_the_panel_and_the_secretariat_and_by_no_other_applicant()
    {
        var call = await PublishedCallAsync();
        var (applicant, organization) = await ApplicantAsync("files");
        using var client = await TestSignIn.HtmlClientAsync(_factory, applicant);
        var form = await client.GetAsync($"/processes/demo/calls/{call}/apply");
        var plan = DocumentFiles.Pdf("Work plan of the legal clinics");
        var received = await client.SubmitAsync(form, "#apply-form", Application(),
            files: [Attachment("work-plan.pdf", plan), Attachment("support-letter.pdf", DocumentFiles.Pdf("Letter of support"))]);
        Assert.Equal(HttpStatusCode.OK, received.Status);
        Assert.Equal(["work-plan.pdf", "support-letter.pdf"], received.Texts("#attachments a"));
        var link = received.Document.QuerySelector("#attachments a")!.GetAttribute("href")!;

        using (var download = await client.Http.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
            Assert.Equal(plan, await download.Content.ReadAsByteArrayAsync());
        }
        using var secretariat = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using (var download = await secretariat.GetAsync(link))
        {
            Assert.Equal(plan, await download.Content.ReadAsByteArrayAsync());
        }
        var (other, _) = await ApplicantAsync("other");
        using var otherClient = await TestSignIn.HttpClientAsync(_factory, other);
        using (var refused = await otherClient.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }
        await using var scope = _factory.Scope();
        var application = await scope.Db.CallApplications.AsNoTracking().SingleAsync(a => a.CallId == call && a.OrganizationId == organization);
        Assert.Equal(2, await scope.Db.CallApplicationAttachments.CountAsync(f => f.ApplicationId == application.Id));
    }

    [Fact]
    public async Task A_file_that_fails_the_document_checks_or_one_too_many_keeps_the_whole_application_out()
    {
        var call = await PublishedCallAsync();
        var (applicant, organization) = await ApplicantAsync("badfile");
        using var client = await TestSignIn.HtmlClientAsync(_factory, applicant);
        var form = await client.GetAsync($"/processes/demo/calls/{call}/apply");

        var notAPdf = await client.SubmitAsync(form, "#apply-form", Application(), files: [Attachment("plan.pdf", "MZ this is no PDF"u8.ToArray())]);
        Assert.Equal(HttpStatusCode.OK, notAPdf.Status);
        Assert.True(notAPdf.Texts("#apply-form .field-error").Count > 0, notAPdf.Html);
        Assert.Equal("Why your organisation applies", notAPdf.Text("label[for='Application_Motivation']"));

        var six = Enumerable.Range(1, 6).Select(i => Attachment($"annex-{i}.pdf", DocumentFiles.Pdf($"Annex {i}"))).ToList();
        var tooMany = await client.SubmitAsync(form, "#apply-form", Application(), files: six);
        Assert.Contains("Attach at most 5 files.", tooMany.Texts("#apply-form .field-error"));

        await using var scope = _factory.Scope();
        Assert.False(await scope.Db.CallApplications.AnyAsync(a => a.CallId == call && a.OrganizationId == organization));
        Assert.False(await scope.Db.CallApplicationAttachments.AnyAsync(f => f.Application!.CallId == call));
    }

    [Fact]
    public async Task Files_are_attached_through_the_API_by_the_organisation_s_people_until_the_deadline()
    {
        var call = await PublishedCallAsync();
        var (applicant, organization) = await ApplicantAsync("apifiles");
        using var client = await TestSignIn.HttpClientAsync(_factory, applicant);
        using var applied = await client.PostAsJsonAsync($"{Calls}/{call}/applications", new JsonObject
        {
            ["organizationId"] = organization, ["motivation"] = "We work with migrants.", ["representativeName"] = "Aminata Diallo",
            ["representativeEmail"] = "aminata@example.org", ["representativeGender"] = "Female", ["countryCode"] = "SEN", ["organizationType"] = "Ngo",
        });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var application = (await applied.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
        var attachments = $"{Calls}/{call}/applications/{application}/attachments";
        static MultipartFormDataContent Form(string name, byte[] bytes) => new() { { new ByteArrayContent(bytes), "file", name } };

        var report = DocumentFiles.Pdf("Annual report 2025");
        using (var created = await client.PostAsync(attachments, Form("annual-report.pdf", report)))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var url = (await created.Content.ReadFromJsonAsync<JsonObject>())!["url"]!.GetValue<string>();
            Assert.Equal(report, await client.GetByteArrayAsync(url));
        }
        using (var wrong = await client.PostAsync(attachments, Form("report.pdf", "MZ no PDF"u8.ToArray())))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("\"file\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var (other, _) = await ApplicantAsync("apiother");
        using var otherClient = await TestSignIn.HttpClientAsync(_factory, other);
        using (var notTheirs = await otherClient.PostAsync(attachments, Form("intruder.pdf", DocumentFiles.Pdf("Intruder"))))
        {
            Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        }
        var read = await client.GetFromJsonAsync<JsonObject>($"{Calls}/{call}/applications/{application}");
        Assert.Equal(["annual-report.pdf"], read!["attachments"]!.AsArray().Select(a => a!["fileName"]!.GetValue<string>()));

        await using (var scope = _factory.Scope())
        {
            await scope.Db.ParticipationCalls.Where(c => c.Id == call).ExecuteUpdateAsync(s => s.SetProperty(c => c.Deadline, DateTimeOffset.UtcNow.AddMinutes(-1)));
        }
        using (var late = await client.PostAsync(attachments, Form("late.pdf", DocumentFiles.Pdf("Too late"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
            Assert.Contains("The deadline of this call has passed", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        await using var check = _factory.Scope();
        Assert.Equal(["annual-report.pdf"], await check.Db.CallApplicationAttachments.Where(f => f.ApplicationId == application).Select(f => f.FileName).ToListAsync());
    }

    [Fact]
    public async Task The_applicant_adds_a_forgotten_file_on_the_application_page()
    {
        var call = await PublishedCallAsync();
        var (applicant, _) = await ApplicantAsync("forgot");
        using var client = await TestSignIn.HtmlClientAsync(_factory, applicant);
        var form = await client.GetAsync($"/processes/demo/calls/{call}/apply");
        var received = await client.SubmitAsync(form, "#apply-form", Application());
        Assert.Equal("None", received.Text("#application dd:last-of-type"));
        var attached = await client.SubmitAsync(received, "#attach-form", new Dictionary<string, string>(),
            files: [Attachment("budget.pdf", DocumentFiles.Pdf("Budget"))]);
        Assert.Equal(["budget.pdf"], attached.Texts("#attachments a"));
        Assert.Contains("The file budget.pdf is attached to the application.", attached.Html, StringComparison.Ordinal);

        using var secretariat = await TestSignIn.HtmlClientAsync(_factory, _secretariat);
        var seen = await secretariat.GetAsync(attached.Url.Split('#')[0]);
        Assert.Equal(["budget.pdf"], seen.Texts("#attachments a"));
        Assert.Null(seen.Document.QuerySelector("#attach-form"));
    }
}
