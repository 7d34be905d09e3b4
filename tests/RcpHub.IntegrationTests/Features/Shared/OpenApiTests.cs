using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RcpHub.Domain;
using RcpHub.Features.Demo;
using RcpHub.IntegrationTests.Features.Documents;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Shared;

/// <summary>The OpenAPI document is true: every operation of the running API is in it, and every answer to every
/// operation (asked by an anonymous caller and a browser, a signed-in outsider, the demo process's secretariat and the
/// administrator, with the demo's ids
/// and unknown ones, valid and broken bodies and queries) has a status, a media type and a JSON body the document
/// tells of for that operation.</summary>
public sealed partial class OpenApiTests : CatalogueTests
{
    private const string DocumentAddress = "/api/v1/openapi.json";
    private const string UnknownId = "2147483000";
    private const string UnknownSlug = "no-such-thing";

    [Fact]
    public async Task Every_answer_of_every_operation_is_told_by_the_document()
    {
        using var anonymous = Factory.CreateDefaultClient(new Uri("http://localhost"));
        var document = JsonDocument.Parse(await anonymous.GetStringAsync(DocumentAddress)).RootElement;
        var findings = UndocumentedOperations(document);

        using var outsider = await TestSignIn.HttpClientAsync(Factory, await TestSignIn.CreateUserAsync(Factory, TestAccounts.NewEmail("outsider")));
        using var secretariat = await TestSignIn.HttpClientAsync(Factory, await DemoUserAsync(ProcessRole.Secretariat));
        using var administrator = await TestSignIn.HttpClientAsync(Factory, await DemoUserAsync(null));
        // A browser asks for HTML: the API still answers as the document tells.
        var readers = new (string Name, HttpClient Http, string Accept)[]
        {
            ("anonymous", anonymous, "application/json"), ("a browser", anonymous, "text/html,application/xhtml+xml,*/*;q=0.8"),
            ("outsider", outsider, "application/json"), ("secretariat", secretariat, "application/json"), ("administrator", administrator, "application/json"),
        };
        var samples = await PageCatalogue.SamplesAsync(Factory);
        var check = new OpenApiSchemaCheck(document);
        var asked = 0;
        var met = new SortedSet<string>(StringComparer.Ordinal);
        // Reading first, deleting last, so that the changes made on the way leave the demo's samples to the readers.
        foreach (var (path, method, operation) in Operations(document).OrderBy(o => Array.IndexOf(MethodOrder, o.Method)).ThenBy(o => o.Path, StringComparer.Ordinal))
        {
            foreach (var (reader, http, accept) in readers)
            {
                foreach (var (label, request, refused) in Requests(document, path, method, operation, samples))
                {
                    using var message = request();
                    message.Headers.Accept.ParseAdd(accept);
                    using var response = await http.SendAsync(message);
                    asked++;
                    var name = operation.GetProperty("operationId").GetString();
                    met.Add($"{name} {(int)response.StatusCode}");
                    var body = await response.Content.ReadAsByteArrayAsync();
                    var accepted = refused && response.IsSuccessStatusCode ? [$"accepted {label}: the document says it is required"] : Array.Empty<string>();
                    findings.AddRange(Check(check, operation, response, body).Concat(accepted)
                        .Select(f => $"{operation.GetProperty("operationId").GetString()}: {f} | as {reader}, {label}: {method.ToUpperInvariant()} {message.RequestUri}"));
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine("Answers met: " + string.Join(", ", met));
        // One line per operation and problem, with the first request that met it: the same flaw is met by many requests.
        var problems = findings.GroupBy(f => ArrayIndex().Replace(f.Split(" | ")[0], "[]")).Select(g => $"{g.Key} ({g.Count()}×, e.g. {g.First()[(g.First().IndexOf(" | ", StringComparison.Ordinal) + 3)..]})").ToList();
        Assert.True(findings.Count == 0, $"{findings.Count} findings in {asked} answers, {problems.Count} distinct " +
            $"({problems.Count(f => f.Contains("not documented", StringComparison.Ordinal))} undocumented statuses or operations, " +
            $"{problems.Count(f => f.Contains(": $", StringComparison.Ordinal))} schema mismatches, " +
            $"{problems.Count(f => f.Contains(" body", StringComparison.Ordinal) && !f.Contains(": $", StringComparison.Ordinal))} media types or bodies):\n" + string.Join("\n", problems));
    }

    private static readonly string[] MethodOrder = ["get", "put", "patch", "post", "delete"];

    /// <summary>Every address-and-method of the running API that the document does not describe. The document's own
    /// address is the only one left out: a document does not describe itself.</summary>
    private List<string> UndocumentedOperations(JsonElement document)
    {
        var documented = Operations(document).Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}").ToHashSet();
        return Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            // Routing matches with or without a trailing slash, as the document writes it: MapGet("/") is the group's address.
            .Select(e => (Path: RouteParameter().Replace("/" + e.RoutePattern.RawText!.Trim('/'), "{$1}"),
                Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]))
            .Where(e => e.Path.StartsWith("/api/", StringComparison.Ordinal) && e.Path != DocumentAddress)
            .SelectMany(e => e.Methods.Select(m => $"{m} {e.Path}"))
            .Where(o => !documented.Contains(o))
            .Select(o => $"{o}: operation not documented | the running app")
            .ToList();
    }

    private static IEnumerable<(string Path, string Method, JsonElement Operation)> Operations(JsonElement document) =>
        document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(o => MethodOrder.Contains(o.Name))
            .Select(o => (path.Name, o.Name, o.Value)));

    /// <summary>The demo account of a role in the demo process; of no role, the administrator.</summary>
    private async Task<AppUser> DemoUserAsync(ProcessRole? role)
    {
        await using var scope = Factory.Scope();
        var email = DemoData.Accounts.Single(a => a.Role == role).Email;
        return (await scope.Get<UserManager<AppUser>>().FindByEmailAsync(email))!;
    }

    /// <summary>The requests to ask of one operation: with unknown ids, with and without queries, with broken queries,
    /// and with a body built from the request schema, an empty one, an unreadable one and one of another media type.</summary>
    private static IEnumerable<(string Label, Func<HttpRequestMessage> Request, bool MustBeRefused)> Requests(
        JsonElement document, string path, string method, JsonElement operation, Dictionary<string, Func<string, string?>> samples)
    {
        var http = new HttpMethod(method.ToUpperInvariant());
        var parameters = operation.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
        var known = Address(path, parameters, (name, _) => samples.TryGetValue(name, out var sample) ? sample(path) ?? "1" : "1");
        var unknown = Address(path, parameters, (_, schema) => IsInteger(document, schema) ? UnknownId : UnknownSlug);
        var query = parameters.Where(q => q.GetProperty("in").GetString() == "query").ToList();
        var goodQuery = string.Join("&", query.Select(q => $"{q.GetProperty("name").GetString()}={Uri.EscapeDataString(QueryValue(document, q))}"));
        var badQuery = string.Join("&", query.Select(q => $"{q.GetProperty("name").GetString()}=not%20a%20value%FF"));
        var content = operation.TryGetProperty("requestBody", out var requestBody) ? requestBody.GetProperty("content") : default;
        var bodies = content.ValueKind == JsonValueKind.Object ? Bodies(document, content).ToList() : [("no body", () => (HttpContent?)null)];
        var (firstLabel, firstBody) = bodies[0];

        yield return ($"unknown ids, {firstLabel}", () => new HttpRequestMessage(http, unknown) { Content = firstBody() }, false);
        if (query.Count > 0)
        {
            yield return ("a query", () => new HttpRequestMessage(http, $"{known}?{goodQuery}"), false);
            yield return ("a broken query", () => new HttpRequestMessage(http, $"{known}?{badQuery}"), false);
        }
        // Each property the request schema requires, left out of the built body: the endpoint must refuse it.
        if (content.ValueKind == JsonValueKind.Object && content.TryGetProperty("application/json", out var json)
            && Example(document, json.GetProperty("schema"), "", 0) is JsonObject full)
        {
            var schema = json.GetProperty("schema");
            schema = schema.TryGetProperty("$ref", out var reference) ? Resolve(document, reference.GetString()!) : schema;
            foreach (var required in schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(n => n.GetString()!) : [])
            {
                var without = full.DeepClone().AsObject();
                without.Remove(required);
                yield return ($"a body without '{required}'", () => new HttpRequestMessage(http, known) { Content = Json(without.ToJsonString(), "application/json") }, true);
            }
        }
        foreach (var (label, body) in bodies)
        {
            yield return (label, () => new HttpRequestMessage(http, known) { Content = body() }, false);
        }
    }

    private static string Address(string path, List<JsonElement> parameters, Func<string, JsonElement, string> value) =>
        RouteParameter().Replace(path, m =>
        {
            var name = m.Groups[1].Value;
            var parameter = parameters.FirstOrDefault(q => q.GetProperty("name").GetString() == name && q.GetProperty("in").GetString() == "path");
            return Uri.EscapeDataString(value(name, parameter.ValueKind == JsonValueKind.Object ? parameter.GetProperty("schema") : default));
        });

    private static IEnumerable<(string Label, Func<HttpContent?> Body)> Bodies(JsonElement document, JsonElement content)
    {
        foreach (var media in content.EnumerateObject())
        {
            var schema = media.Value.TryGetProperty("schema", out var s) ? s : default;
            if (media.Name == "multipart/form-data")
            {
                yield return ("a form built from the schema, with a file", () => Form(document, schema, withFile: true));
                yield return ("a form without a file", () => Form(document, schema, withFile: false));
                continue;
            }
            yield return ($"a {media.Name} body built from the schema", () => Json(Example(document, schema, "", 0)?.ToJsonString() ?? "null", media.Name));
            yield return ($"an empty {media.Name} object", () => Json("{}", media.Name));
            yield return ($"an unreadable {media.Name} body", () => Json("{\"", media.Name));
        }
        yield return ("a body of another media type", () => new StringContent("plain words", Encoding.UTF8, "text/plain"));
        yield return ("no body", () => null);
    }

    private static StringContent Json(string json, string mediaType) => new(json, Encoding.UTF8, mediaType);

    private static MultipartFormDataContent Form(JsonElement document, JsonElement schema, bool withFile)
    {
        var form = new MultipartFormDataContent();
        if (Example(document, schema, "", 0) is JsonObject fields)
        {
            foreach (var (name, value) in fields)
            {
                if (value is JsonValue v && !v.ToJsonString().StartsWith('{'))
                {
                    form.Add(new StringContent(v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString()), name);
                }
            }
        }
        if (withFile)
        {
            var file = new ByteArrayContent(DocumentFiles.Pdf("OpenAPI check"));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "openapi-check.pdf");
        }
        return form;
    }

    /// <summary>A value the schema admits, filled out as far as the schema goes: every property, one item in a list,
    /// the first value of an enum, dates of today.</summary>
    private static JsonNode? Example(JsonElement document, JsonElement schema, string name, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > 5)
        {
            return null;
        }
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return Example(document, Resolve(document, reference.GetString()!), name, depth + 1);
        }
        foreach (var keyword in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (schema.TryGetProperty(keyword, out var branches))
            {
                return branches.EnumerateArray().Select(b => Example(document, b, name, depth + 1)).FirstOrDefault(v => v is not null);
            }
        }
        if (schema.TryGetProperty("enum", out var values))
        {
            return values.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(v => JsonNode.Parse(v.GetRawText())).FirstOrDefault();
        }
        var types = schema.TryGetProperty("type", out var type)
            ? type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!]
            : ["object"];
        var today = DateTimeOffset.UtcNow.AddDays(1);
        return types.FirstOrDefault(t => t != "null") switch
        {
            "object" when schema.TryGetProperty("properties", out var properties) => new JsonObject(properties.EnumerateObject()
                .Where(p => !(p.Value.TryGetProperty("readOnly", out var r) && r.GetBoolean()))
                .Select(p => KeyValuePair.Create(p.Name, Example(document, p.Value, p.Name, depth + 1)))),
            "object" => new JsonObject(),
            "array" => new JsonArray(schema.TryGetProperty("items", out var items) && Example(document, items, name, depth + 1) is { } item ? [item] : []),
            "integer" => 1,
            "number" => 1.5,
            "boolean" => false,
            // A file is sent as a file, not as a field.
            "string" when schema.TryGetProperty("format", out var binary) && binary.GetString() == "binary" => null,
            "string" => (schema.TryGetProperty("format", out var format) ? format.GetString() : null) switch
            {
                "date" => today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                "date-time" => today.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                _ => name switch
                {
                    "email" => TestAccounts.NewEmail("openapi"),
                    "stateCode" or "hostStateCode" => "CAN",
                    "language" => "fr",
                    "timeZone" => "UTC",
                    "access" => "Meeting",
                    "status" => "Final",
                    _ => $"OpenAPI check {name}",
                },
            },
            _ => null,
        };
    }

    private static string QueryValue(JsonElement document, JsonElement parameter)
    {
        var name = parameter.GetProperty("name").GetString()!;
        return Example(document, parameter.GetProperty("schema"), name, 0) switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => name is "q" or "process" ? "demo" : v.GetValue<string>(),
            { } v => v.ToJsonString(),
            null => "demo",
        };
    }

    private static bool IsInteger(JsonElement document, JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        if (schema.TryGetProperty("$ref", out var reference))
        {
            return IsInteger(document, Resolve(document, reference.GetString()!));
        }
        return schema.TryGetProperty("type", out var type) && type.GetRawText().Contains("integer", StringComparison.Ordinal);
    }

    private static JsonElement Resolve(JsonElement document, string reference) =>
        document.GetProperty("components").GetProperty("schemas").GetProperty(reference["#/components/schemas/".Length..]);

    /// <summary>What is wrong with one answer: a status the operation does not tell of, a media type it does not tell
    /// of for that status, a body where it tells of none (or none where it tells of one), a JSON body its schema refuses.</summary>
    private static List<string> Check(OpenApiSchemaCheck check, JsonElement operation, HttpResponseMessage response, byte[] body)
    {
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        if (!operation.GetProperty("responses").TryGetProperty(status, out var documented))
        {
            return [$"status {status} not documented | body {Excerpt(body)}"];
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var hasContent = documented.TryGetProperty("content", out var content) && content.EnumerateObject().Any();
        if (body.Length == 0)
        {
            return hasContent ? [$"status {status} came without the body the document tells of"] : [];
        }
        if (!hasContent)
        {
            return [$"status {status} came with a {mediaType} body, the document tells of none"];
        }
        var media = content.EnumerateObject().FirstOrDefault(m => Matches(m.Name, mediaType));
        if (media.Value.ValueKind != JsonValueKind.Object)
        {
            return [$"status {status} came as {mediaType}, the document tells of {string.Join(", ", content.EnumerateObject().Select(m => m.Name))}"];
        }
        if (mediaType is null || !(mediaType.EndsWith("json", StringComparison.Ordinal)) || !media.Value.TryGetProperty("schema", out var schema))
        {
            return [];
        }
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException e)
        {
            return [$"status {status} came as {mediaType} that is not JSON: {e.Message}"];
        }
        return check.Errors(json, schema).Select(e => $"status {status}: {e}").ToList();
    }

    private static bool Matches(string documented, string? actual) =>
        actual is not null && (documented == "*/*" || string.Equals(documented, actual, StringComparison.OrdinalIgnoreCase)
            || (documented.EndsWith("/*", StringComparison.Ordinal) && actual.StartsWith(documented[..^1], StringComparison.OrdinalIgnoreCase)));

    private static string Excerpt(byte[] body) => body.Length == 0 ? "none" : Encoding.UTF8.GetString(body.AsSpan(0, Math.Min(body.Length, 160)));

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex ArrayIndex();
}
