using System.Collections;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RcpHub.Features.Demo;
using RcpHub.Infrastructure;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Shared;

/// <summary>Hostile input on every endpoint of the JSON API that takes a body, and on the forms: a null where a list
/// (or a list's item) is expected, a choice that is not one of its names, text with control characters. Each is a 400
/// naming the field, and nothing is stored. The bodies are made from the endpoints' own input types, so an endpoint or
/// a field added later is walked too.</summary>
public sealed partial class HostileInputTests : CatalogueTests
{
    private const string Control = "Demo\u0001name";

    [Fact]
    public async Task Null_for_any_list_or_list_item_in_any_api_body_is_a_400_naming_the_field()
    {
        await WalkAsync(field => field.IsList && !field.MayBeNull ? [(null, field.Path)] : [], minimum: 4);
        await WalkAsync(field => field.IsList && field.ItemMayNotBeNull ? [(new JsonArray((JsonNode?)null), field.Path + "[0]")] : [], minimum: 4);
    }

    [Fact]
    public async Task A_choice_that_is_not_one_of_its_names_in_any_api_body_is_a_400()
    {
        await WalkAsync(field => field.Choice is { } type
            ? new JsonNode[] { JsonValue.Create(99), JsonValue.Create("99"), JsonValue.Create("1"), JsonValue.Create(string.Join(", ", Enum.GetNames(type).Take(2))) }
                .Select(v => ((JsonNode?)v, field.Path)).ToList()
            : [], minimum: 5, namesField: false);
    }

    [Fact]
    public async Task Control_characters_in_any_text_of_any_api_body_are_a_400_naming_the_field()
    {
        await WalkAsync(field => field.IsText
            ? field.MultiLine
                ? [(JsonValue.Create("Line\u0000one"), field.Path), (JsonValue.Create("Line\u0085one"), field.Path)]
                : [(JsonValue.Create(Control), field.Path), (JsonValue.Create("Two\nlines"), field.Path), (JsonValue.Create("Tab\there"), field.Path), (JsonValue.Create("C1\u009Bhere"), field.Path)]
            : [], minimum: 20);
    }

    [Fact]
    public async Task Multi_line_fields_keep_their_line_breaks()
    {
        using var client = await AdministratorAsync();
        var (meeting, _) = await MeetingAndSessionAsync();
        using var response = await client.Http.PostAsync($"/api/v1/processes/{DemoData.ProcessSlug}/meetings/{meeting}/sessions",
            Json(new JsonObject { ["title"] = "Follow-up", ["guidingQuestions"] = "What next?\r\nWho leads?\tWhen?" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var scope = Factory.Scope();
        Assert.Contains(scope.Db.Sessions, s => s.GuidingQuestions == "What next?\nWho leads?\tWhen?");
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("99")]
    [InlineData("2")]
    [InlineData("Expert, Ministerial")]
    public async Task A_choice_in_an_address_that_is_not_one_of_its_names_is_a_400(string level)
    {
        using var client = await AdministratorAsync();
        var query = Uri.EscapeDataString(level);
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1", StringComparison.Ordinal)
                && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true
                && e.Metadata.GetMetadata<MethodInfo>() is { } method
                && method.GetParameters().Any(p => (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType).IsEnum))
            .ToList();
        Assert.NotEmpty(endpoints);
        var ids = await IdsAsync();
        foreach (var endpoint in endpoints)
        {
            foreach (var parameter in endpoint.Metadata.GetMetadata<MethodInfo>()!.GetParameters().Where(p => (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType).IsEnum))
            {
                var url = $"{Address(endpoint.RoutePattern.RawText!, ids)}?{parameter.Name}={query}";
                using var response = await client.Http.GetAsync(url);
                Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"GET {url}: {(int)response.StatusCode}");
                Assert.Contains(parameter.Name!, (await Problem(response)).Keys);
            }
        }

        var page = await client.GetAsync($"/processes/{DemoData.ProcessSlug}/meetings?level={query}");
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        var known = await client.GetAsync($"/processes/{DemoData.ProcessSlug}/meetings?level=expert");
        Assert.Equal(HttpStatusCode.OK, known.Status);
    }

    [Fact]
    public async Task A_control_character_in_a_form_field_is_refused_with_a_message_in_the_readers_language_and_nothing_is_stored()
    {
        using var client = await AdministratorAsync();
        var before = await StoredAsync();

        var bodies = await client.GetAsync($"/processes/{DemoData.ProcessSlug}/manage/bodies");
        var refused = await client.SubmitAsync(bodies, "#add-body", new Dictionary<string, string> { ["Body.Name"] = Control, ["Body.Kind"] = "WorkingGroup" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(TextInput.ControlCharacters, refused.Html, StringComparison.Ordinal);

        var (meeting, _) = await MeetingAndSessionAsync();
        var edit = await client.GetAsync($"/processes/{DemoData.ProcessSlug}/meetings/{meeting}/edit");
        var refusedEdit = await client.SubmitAsync(edit, "form.meeting-form", new Dictionary<string, string> { ["Input.Venue"] = "Geneva\u0007" });
        Assert.Equal(HttpStatusCode.BadRequest, refusedEdit.Status);
        Assert.Contains(TextInput.ControlCharacters, refusedEdit.Html, StringComparison.Ordinal);

        using var french = HtmlClient.For(Factory, "fr");
        await french.SignInAsync(DemoData.Accounts.Single(a => a.IsAdministrator).Email, RcpHubFactory.DemoPassword);
        // Signing in brings the account's language (English, decision 0045): this reader reads French.
        await french.GetAsync("/language?culture=fr");
        var profile = await french.GetAsync($"/processes/{DemoData.ProcessSlug}/manage/profile");
        var refusedProfile = await french.SubmitAsync(profile, "#profile", new Dictionary<string, string> { ["Input.Name"] = "Demo\u200B\u0085" });
        Assert.Equal(HttpStatusCode.BadRequest, refusedProfile.Status);
        Assert.Contains("Supprimez les caractères de contrôle", refusedProfile.Html, StringComparison.Ordinal);

        Assert.Equal(before, await StoredAsync());
    }

    /// <summary>Every form of every page, each of its text fields in turn given a control character: none is saved
    /// (the audit log, which every change writes to, stays as it was) and none fails.</summary>
    [Fact]
    public async Task No_form_stores_a_control_character()
    {
        using var client = await AdministratorAsync();
        var before = await StoredAsync();
        var failures = new List<string>();
        var posted = 0;
        foreach (var address in await PageCatalogue.AddressesAsync(Factory))
        {
            if (address.StartsWith("/account", StringComparison.Ordinal))
            {
                continue;
            }
            var page = await client.GetAsync(address);
            var forms = page.Document.QuerySelectorAll("main form[method=post]").ToList();
            for (var f = 0; f < forms.Count; f++)
            {
                var texts = forms[f].QuerySelectorAll("input[type=text][name], input[type=email][name], input[type=url][name], input[type=search][name], input:not([type])[name], textarea[name]")
                    .Select(e => e.GetAttribute("name")!).Distinct().ToList();
                foreach (var name in texts)
                {
                    // Each post on a fresh copy of the page: a refused post must not leave the next one a changed form.
                    var fresh = await client.GetAsync(address);
                    fresh.Document.QuerySelectorAll("main form[method=post]")[f].SetAttribute("data-walk", "this");
                    var result = await client.SubmitAsync(fresh, "form[data-walk=this]", new Dictionary<string, string> { [name] = Control });
                    posted++;
                    if (result.Status != HttpStatusCode.BadRequest)
                    {
                        failures.Add($"{address} form {f} field {name}: {(int)result.Status} {result.Url}");
                    }
                }
            }
        }
        Assert.True(posted > 20, $"Only {posted} posts: the walk found almost no text fields.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, await StoredAsync());
    }

    private sealed record Field(string Path, Type Type, NullabilityInfo Nullability, bool MultiLine)
    {
        public bool IsList => Type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(Type);
        public bool MayBeNull => Nullability.ReadState != NullabilityState.NotNull;
        public bool ItemMayNotBeNull => (Nullability.ElementType ?? Nullability.GenericTypeArguments.FirstOrDefault()) is { } item
            && !item.Type.IsValueType && item.ReadState == NullabilityState.NotNull;
        public bool IsText => Type == typeof(string);
        public Type? Choice => (Nullable.GetUnderlyingType(Type) ?? Type) is { IsEnum: true } e ? e : null;
    }

    private sealed record Target(string Method, string Url, Type Body);

    /// <summary>For every field of every API body, posts the body with the field set to each of the values
    /// <paramref name="hostile"/> gives, and checks the answer is a 400 (naming the field) and nothing was stored.</summary>
    private async Task WalkAsync(Func<Field, IEnumerable<(JsonNode? Value, string Named)>> hostile, int minimum, bool namesField = true)
    {
        using var client = await AdministratorAsync();
        var before = await StoredAsync();
        var failures = new List<string>();
        var sent = 0;
        var targets = await TargetsAsync();
        Assert.True(targets.Count >= 15, $"Only {targets.Count} endpoints with a JSON body: the walk is broken.");
        foreach (var target in targets)
        {
            var fields = new List<Field>();
            var sample = (JsonObject)Sample(target.Body, "", fields, 0)!;
            foreach (var field in fields)
            {
                foreach (var (value, named) in hostile(field))
                {
                    var body = (JsonObject)sample.DeepClone();
                    Set(body, field.Path, value?.DeepClone());
                    using var request = new HttpRequestMessage(new HttpMethod(target.Method), target.Url) { Content = Json(body) };
                    using var response = await client.Http.SendAsync(request);
                    sent++;
                    var problem = response.StatusCode == HttpStatusCode.BadRequest ? await Problem(response) : [];
                    if (response.StatusCode != HttpStatusCode.BadRequest || (namesField && !problem.ContainsKey(named)))
                    {
                        failures.Add($"{target.Method} {target.Url} {field.Path} = {value?.ToJsonString() ?? "null"}: {(int)response.StatusCode} {string.Join(", ", problem.Keys)}");
                    }
                }
            }
        }
        Assert.True(sent >= minimum, $"Only {sent} requests: the walk found almost no such fields.");
        Assert.True(failures.Count == 0, $"{failures.Count} accepted or unnamed:\n" + string.Join("\n", failures));
        Assert.Equal(before, await StoredAsync());
    }

    private async Task<List<Target>> TargetsAsync()
    {
        var ids = await IdsAsync();
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1", StringComparison.Ordinal)).ToList();
        var targets = new List<Target>();
        foreach (var endpoint in endpoints)
        {
            var body = endpoint.Metadata.OfType<IAcceptsMetadata>().FirstOrDefault(a => a.ContentTypes.Contains("application/json"))?.RequestType;
            var method = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.FirstOrDefault();
            if (body is null || method is null)
            {
                continue;
            }
            if (typeof(JsonNode).IsAssignableFrom(body))
            {
                // A merge patch is a part of the resource the same address reads.
                body = endpoints.Where(e => e.RoutePattern.RawText == endpoint.RoutePattern.RawText && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
                    .SelectMany(e => e.Metadata.OfType<IProducesResponseTypeMetadata>()).FirstOrDefault(p => p.StatusCode == 200)?.Type;
                Assert.NotNull(body);
            }
            targets.Add(new Target(method, Address(endpoint.RoutePattern.RawText!, ids), body));
        }
        return targets;
    }

    /// <summary>A body of <paramref name="type"/> with a plausible value in every field (one item in every list), and
    /// the fields it has, with the JSON path to each.</summary>
    private static JsonNode? Sample(Type type, string path, List<Field> fields, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) { return "Sample"; }
        if (type.IsEnum) { return Enum.GetNames(type)[0]; }
        if (type == typeof(bool)) { return false; }
        if (type == typeof(DateTime)) { return "2031-03-04T10:00:00"; }
        if (type == typeof(DateTimeOffset)) { return "2031-03-04T10:00:00Z"; }
        if (type == typeof(DateOnly)) { return "2031-03-04"; }
        if (type == typeof(TimeOnly)) { return "10:00:00"; }
        if (type.IsPrimitive || type == typeof(decimal)) { return 1; }
        if (typeof(IEnumerable).IsAssignableFrom(type))
        {
            var item = type.IsArray ? type.GetElementType()! : type.GetGenericArguments().FirstOrDefault() ?? typeof(object);
            return new JsonArray(Sample(item, path + "[0]", fields, depth + 1));
        }
        var json = new JsonObject();
        if (depth > 4)
        {
            return json;
        }
        var nullability = new NullabilityInfoContext();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var fieldPath = path.Length == 0 ? name : $"{path}.{name}";
            fields.Add(new Field(fieldPath, property.PropertyType, nullability.Create(property), property.IsDefined(typeof(MultiLineAttribute))));
            json[name] = Sample(property.PropertyType, fieldPath, fields, depth + 1);
        }
        return json;
    }

    private static void Set(JsonObject body, string path, JsonNode? value)
    {
        JsonNode node = body;
        var steps = PathStep().Matches(path).Select(m => m.Value).ToList();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var last = i == steps.Count - 1;
            if (step.StartsWith('['))
            {
                var index = int.Parse(step[1..^1], CultureInfo.InvariantCulture);
                if (last) { node.AsArray()[index] = value; } else { node = node.AsArray()[index]!; }
            }
            else
            {
                if (last) { node.AsObject()[step] = value; } else { node = node.AsObject()[step]!; }
            }
        }
    }

    [GeneratedRegex(@"\[\d+\]|[^.\[\]]+")]
    private static partial Regex PathStep();

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    private static async Task<Dictionary<string, JsonElement>> Problem(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0)
        {
            return [];
        }
        using var json = JsonDocument.Parse(text);
        return json.RootElement.TryGetProperty("errors", out var errors)
            ? errors.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
            : [];
    }

    /// <summary>What a stored change would show in: the audit log every change writes to, and the rows that hold the text.</summary>
    private async Task<string> StoredAsync()
    {
        await using var scope = Factory.Scope();
        var db = scope.Db;
        return string.Join(",", await db.AuditEntries.CountAsync(), await db.Meetings.CountAsync(), await db.Sessions.CountAsync(),
            await db.AgendaItems.CountAsync(), await db.Bodies.CountAsync(), await db.BodyMembers.CountAsync(), await db.Memberships.CountAsync(),
            await db.ChairTerms.CountAsync(), await db.Invitations.CountAsync(), await db.SessionReportVersions.CountAsync(),
            string.Join(";", await db.Meetings.OrderBy(m => m.Id).Select(m => m.UpdatedAt).ToListAsync()), await db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Name).SingleAsync());
    }

    private async Task<(int Meeting, int Session)> MeetingAndSessionAsync()
    {
        var ids = await IdsAsync();
        return (int.Parse(ids["meetings"], CultureInfo.InvariantCulture), int.Parse(ids["sessionId"], CultureInfo.InvariantCulture));
    }

    /// <summary>Ids from the demo process for the addresses' parameters, by parameter name or by the word before {id}.</summary>
    private async Task<Dictionary<string, string>> IdsAsync()
    {
        await using var scope = Factory.Scope();
        var db = scope.Db;
        var process = await db.Processes.Where(p => p.Slug == DemoData.ProcessSlug).Select(p => p.Id).SingleAsync();
        var meeting = await db.Sessions.Where(s => s.Meeting!.ProcessId == process).OrderBy(s => s.Id).Select(s => new { s.MeetingId, s.Id }).FirstAsync();
        var body = await db.Bodies.Where(b => b.ProcessId == process && b.Members.Any()).OrderBy(b => b.Id).Select(b => new { b.Id, Member = b.Members.OrderBy(m => m.Id).Select(m => m.Id).First() }).FirstAsync();
        var document = await db.Documents.Where(d => d.Meeting!.ProcessId == process).OrderBy(d => d.Id).Select(d => new { d.Id, d.MeetingId, Version = d.Versions.OrderBy(v => v.Id).Select(v => v.Id).First() }).FirstOrDefaultAsync();
        string S(int? id) => (id ?? 1).ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["meetings"] = S(meeting.MeetingId),
            ["sessionId"] = S(meeting.Id),
            ["itemId"] = S(await db.AgendaItems.Where(i => i.MeetingId == meeting.MeetingId).OrderBy(i => i.Id).Select(i => (int?)i.Id).FirstOrDefaultAsync()),
            ["memberships"] = S(await db.Memberships.Where(m => m.ProcessId == process).OrderBy(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync()),
            ["chair-terms"] = S(await db.ChairTerms.Where(t => t.ProcessId == process).OrderBy(t => t.Id).Select(t => (int?)t.Id).FirstOrDefaultAsync()),
            ["bodies"] = S(body.Id),
            ["memberId"] = S(body.Member),
            ["documentId"] = S(document?.Id),
            ["versionId"] = S(document?.Version),
        };
    }

    private static string Address(string pattern, Dictionary<string, string> ids) =>
        RouteParameter().Replace(pattern, m =>
        {
            var name = m.Groups[1].Value;
            if (name == "slug")
            {
                return DemoData.ProcessSlug;
            }
            var before = pattern[..m.Index].TrimEnd('/');
            var word = before[(before.LastIndexOf('/') + 1)..];
            return ids.TryGetValue(name == "id" ? word : name, out var id) ? id : "1";
        });

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteParameter();
}
