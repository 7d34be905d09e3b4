using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Infrastructure;

/// <summary>Makes /api/v1/openapi.json tell every answer an endpoint can give. The answers that follow from how an
/// endpoint is declared (its policy, its route parameters, its body and query, the rate limit every endpoint is under)
/// are derived here, so that a new endpoint cannot forget them; an endpoint declares only the answers peculiar to it
/// (409, 413, 415 of an upload, 422). OpenApiTests sends requests to every operation and fails on an answer the
/// document does not tell.</summary>
public static class OpenApiDocumentation
{
    private const string ProblemJson = "application/problem+json";
    private const string Problem = nameof(ProblemDetails);
    private const string ValidationProblem = nameof(HttpValidationProblemDetails);

    public static OpenApiOptions DocumentEveryAnswer(this OpenApiOptions options)
    {
        options.CreateSchemaReferenceId = UniqueSchemaId;
        options.AddOperationTransformer(DocumentSuccessesAsync);
        options.AddOperationTransformer(DocumentErrors);
        options.AddDocumentTransformer(AddProblemSchemasAsync);
        options.AddDocumentTransformer(RequireWhatIsRefused);
        options.AddDocumentTransformer(AdmitNullOnce);
        return options;
    }

    /// <summary>The properties of a request body that the endpoint refuses when missing although the body's type does
    /// not say so by a <see cref="RequiredAttribute"/> (a record's parameters, a form shared with a page whose messages
    /// come from its own checks). Without it the schema of a record lists every parameter as required.</summary>
    public static TBuilder RefusesWithout<TBuilder>(this TBuilder builder, params string[] properties)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequestRequiredMetadata(properties));

    public sealed record RequestRequiredMetadata(IReadOnlyList<string> Properties);

    // Two features may each have their own type of one name (Meetings' and Processes' ProcessRef): under one schema name
    // the second would silently describe the first's answers.
    private static readonly HashSet<string> SharedNames = typeof(OpenApiDocumentation).Assembly.GetTypes()
        .Where(t => t.IsPublic || t.IsNestedPublic).GroupBy(t => t.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();

    private static string? UniqueSchemaId(System.Text.Json.Serialization.Metadata.JsonTypeInfo type)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        return id is not null && SharedNames.Contains(type.Type.Name) && type.Type.Namespace?.Split('.')[^1] is { } feature ? feature + id : id;
    }

    /// <summary>An endpoint answering one status with either of two types (a meeting in full or only its summary) is
    /// documented with both; a file answer declared by its media types alone gets a body of bytes.</summary>
    private static async Task DocumentSuccessesAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var produced = context.Description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Http.Metadata.IProducesResponseTypeMetadata>()
            .Where(m => m.StatusCode is >= 200 and < 300).GroupBy(m => m.StatusCode);
        foreach (var status in produced)
        {
            var key = status.Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses?.TryGetValue(key, out var found) != true || found is not OpenApiResponse response)
            {
                continue;
            }
            var types = status.Select(m => m.Type).Where(t => t is not null && t != typeof(void)).Distinct().ToList();
            if (types.Count > 1)
            {
                var either = new OpenApiSchema { AnyOf = [] };
                foreach (var type in types)
                {
                    either.AnyOf.Add(await context.GetOrCreateSchemaAsync(type!, null, ct));
                }
                foreach (var media in response.Content?.Values ?? [])
                {
                    media.Schema = either;
                }
            }
            var files = status.Where(m => m.Type is null || m.Type == typeof(void)).SelectMany(m => m.ContentTypes).Distinct().ToList();
            if (files.Count > 0 && (response.Content is null || response.Content.Count == 0))
            {
                response.Content = files.ToDictionary(f => f, _ => new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                });
            }
        }
    }

    private static Task DocumentErrors(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var responses = operation.Responses ??= [];
        var document = context.Document!;
        var publicPolicy = OperationPolicies.NameOf(Operation.ViewPublicRegistry);
        // The cookie handler answers 401/403 for /api addresses instead of redirecting (RcpHubHosting.ApiAwareRedirect).
        if (!metadata.OfType<IAllowAnonymous>().Any() && metadata.OfType<IAuthorizeData>().Any(a => a.Policy != publicPolicy))
        {
            Add(responses, StatusCodes.Status401Unauthorized, "Not signed in.", document, Problem);
            Add(responses, StatusCodes.Status403Forbidden, "Signed in, but not allowed to do this.", document, Problem);
        }
        var parameters = operation.Parameters ?? [];
        if (parameters.Any(p => p.In == ParameterLocation.Path))
        {
            // Also what a reader who may not see the thing is told: its existence is not revealed.
            Add(responses, StatusCodes.Status404NotFound, "Not found, or not visible to the caller.", document, Problem);
        }
        if (operation.RequestBody is not null || parameters.Any(p => p.In == ParameterLocation.Query))
        {
            Add(responses, StatusCodes.Status400BadRequest, "The body or the query is not valid.", document, ValidationProblem);
        }
        if (operation.RequestBody is not null)
        {
            // Minimal APIs refuse a body of another media type than the one the endpoint reads before the handler runs.
            Add(responses, StatusCodes.Status415UnsupportedMediaType, "The body is not of a media type this operation reads.", document, Problem);
        }
        var limited = Add(responses, StatusCodes.Status429TooManyRequests, "Too many requests: wait as long as Retry-After says.", document, Problem);
        limited.Headers ??= new Dictionary<string, IOpenApiHeader>();
        limited.Headers.TryAdd("Retry-After", new OpenApiHeader
        {
            Description = "Seconds to wait before trying again.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
        });
        foreach (var (status, response) in responses)
        {
            // An error declared by hand (.ProducesProblem) or by the framework without a body still answers problem details.
            if (int.TryParse(status, out var code) && code >= 400 && response is OpenApiResponse declared && (declared.Content is null || declared.Content.Count == 0))
            {
                declared.Content = ProblemContent(document, code == StatusCodes.Status400BadRequest ? ValidationProblem : Problem);
            }
        }
        return Task.CompletedTask;
    }

    private static OpenApiResponse Add(OpenApiResponses responses, int status, string description, OpenApiDocument document, string schema)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (responses.TryGetValue(key, out var existing) && existing is OpenApiResponse declared)
        {
            return declared;
        }
        var response = new OpenApiResponse { Description = description, Content = ProblemContent(document, schema) };
        responses[key] = response;
        return response;
    }

    private static Dictionary<string, OpenApiMediaType> ProblemContent(OpenApiDocument document, string schema) =>
        new() { [ProblemJson] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(schema, document) } };

    /// <summary>The schemas the derived answers refer to, for a document in which no endpoint declared them itself.</summary>
    private static async Task AddProblemSchemasAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        foreach (var (name, type) in new[] { (Problem, typeof(ProblemDetails)), (ValidationProblem, typeof(HttpValidationProblemDetails)) })
        {
            if (document.Components?.Schemas?.ContainsKey(name) != true)
            {
                document.AddComponent(name, await context.GetOrCreateSchemaAsync(type, null, ct));
            }
            // Problem details carry extensions (traceId, and whatever a handler adds) beside the standard members.
            if (document.Components!.Schemas![name] is OpenApiSchema schema)
            {
                schema.AdditionalProperties ??= new OpenApiSchema();
            }
        }
    }

    /// <summary>A request body's <c>required</c> lists what the endpoint refuses when missing: its type's
    /// <see cref="RequiredAttribute"/>s and what the endpoint declares with <see cref="RefusesWithout"/>.</summary>
    private static Task RequireWhatIsRefused(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var operations = (document.Paths ?? []).Values.SelectMany(p => p.Operations ?? []).Select(o => o.Value)
            .Where(o => o.OperationId is not null).ToDictionary(o => o.OperationId!);
        foreach (var description in context.DescriptionGroups.SelectMany(g => g.Items))
        {
            var metadata = description.ActionDescriptor.EndpointMetadata;
            var body = description.ParameterDescriptions.FirstOrDefault(p => p.Source == BindingSource.Body)?.Type
                ?? metadata.OfType<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>().Select(a => a.RequestType).FirstOrDefault(t => t is not null);
            if (body is null || metadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName is not { } name
                || !operations.TryGetValue(name, out var operation) || operation.RequestBody?.Content is not { } content)
            {
                continue;
            }
            var required = RequiredProperties(body).Concat(metadata.OfType<RequestRequiredMetadata>().SelectMany(m => m.Properties)).ToHashSet();
            foreach (var media in content.Values)
            {
                if (media.Schema is OpenApiSchemaReference { Reference.Id: { } id } && document.Components?.Schemas?[id] is OpenApiSchema schema)
                {
                    schema.Required = required;
                    MarkReadOnly(schema, body);
                }
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>The properties marked <see cref="RequiredAttribute"/>, but for one whose type gives it a value when the
    /// body leaves it out (MeetingInput's time zone is UTC then): a body without it is not refused.</summary>
    private static IEnumerable<string> RequiredProperties(Type type)
    {
        var parameters = type.GetConstructors().SelectMany(c => c.GetParameters()).Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null)
            .Select(p => p.Name!);
        var blank = type.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(type) : null;
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<RequiredAttribute>() is not null && (blank is null || p.GetValue(blank) is null))
            .Select(p => p.Name);
        return parameters.Concat(properties).Select(JsonNamingPolicy.CamelCase.ConvertName);
    }

    /// <summary>A computed property shows in the schema, but a request cannot set it.</summary>
    private static void MarkReadOnly(OpenApiSchema schema, Type type)
    {
        var settable = type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.Name!)
            .Concat(type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true).Select(p => p.Name))
            .Select(JsonNamingPolicy.CamelCase.ConvertName).ToHashSet();
        foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (!settable.Contains(name) && property is OpenApiSchema inline)
            {
                inline.ReadOnly = true;
            }
        }
    }

    /// <summary>A nullable enum or JSON value is written as oneOf [null, the type], while the enum's own schema (shared by
    /// every use) also lists null and a JSON value admits null anyway: null then matches both branches, which oneOf
    /// forbids, and validators refuse every null. Null is admitted where the use says so, with anyOf.</summary>
    private static Task AdmitNullOnce(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        var seen = new HashSet<OpenApiSchema>();
        foreach (var schema in (document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>()).Values.OfType<OpenApiSchema>())
        {
            if (schema.Enum is { } values && values.Any(IsNull))
            {
                schema.Enum = [.. values.Where(v => !IsNull(v))];
            }
            AnyOfWithNull(schema, seen);
        }
        foreach (var operation in (document.Paths ?? []).Values.SelectMany(p => p.Operations ?? []).Select(o => o.Value))
        {
            var media = (operation.Responses ?? []).Values.SelectMany(r => r.Content?.Values ?? [])
                .Concat(operation.RequestBody?.Content?.Values ?? []);
            foreach (var schema in media.Select(m => m.Schema).Concat((operation.Parameters ?? []).Select(p => p.Schema)))
            {
                AnyOfWithNull(schema, seen);
            }
        }
        return Task.CompletedTask;
    }

    private static bool IsNull(System.Text.Json.Nodes.JsonNode? value) =>
        value is null || JsonNullSentinel.IsJsonNullSentinel(value) || value.GetValueKind() == JsonValueKind.Null;

    private static void AnyOfWithNull(IOpenApiSchema? candidate, HashSet<OpenApiSchema> seen)
    {
        if (candidate is not OpenApiSchema schema || !seen.Add(schema))
        {
            return;
        }
        if (schema.OneOf is { Count: > 0 } branches && branches.Any(b => b is OpenApiSchema { Type: JsonSchemaType.Null }))
        {
            schema.AnyOf = branches;
            schema.OneOf = null;
        }
        var children = (schema.Properties?.Values ?? []).Concat(schema.AllOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.OneOf ?? [])
            .Append(schema.Items).Append(schema.AdditionalProperties);
        foreach (var child in children)
        {
            AnyOfWithNull(child, seen);
        }
    }
}
