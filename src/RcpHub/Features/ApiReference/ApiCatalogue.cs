using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.OpenApi;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.ApiReference;

public sealed record ApiParameter(string Name, string In, bool Required, string Type, string? Description);

public sealed record ApiField(string Name, string Type, bool Required, string? Description);

public sealed record ApiAnswer(string Status, string? Description, string? MediaTypes);

/// <summary>One operation of the API as its OpenAPI document tells it, with the <see cref="Operation"/> its endpoint
/// requires (read from the same declaration the authorization uses, since the document does not say who may call).</summary>
public sealed record ApiOperation(
    string Tag, string Method, string Path, string? Id, string? Summary, string? Description, Operation? Requires,
    IReadOnlyList<ApiParameter> Parameters, string? BodyMediaTypes, IReadOnlyList<ApiField> BodyFields, IReadOnlyList<ApiAnswer> Answers);

/// <summary>The API reference, read from the application's own OpenAPI document (/api/v1/openapi.json): the page shows
/// exactly what the document says. Built once per instance (the document follows from the code).</summary>
public static class ApiCatalogue
{
    public const string DocumentName = "v1";

    public static async Task<IReadOnlyList<ApiOperation>> LoadAsync(IServiceProvider services, CancellationToken ct) =>
        (await services.GetRequiredService<IMemoryCache>().GetOrCreateAsync("api-reference", async _ =>
        {
            var document = await services.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName).GetOpenApiDocumentAsync(ct);
            return Read(document, RequiredOperations(services.GetRequiredService<EndpointDataSource>()));
        }))!;

    private static IReadOnlyList<ApiOperation> Read(OpenApiDocument document, IReadOnlyDictionary<string, Operation> requires)
    {
        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document.Paths ?? [])
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                var body = operation.RequestBody?.Content;
                var bodySchema = body?.Values.Select(m => m.Schema).FirstOrDefault(s => s is not null);
                operations.Add(new ApiOperation(
                    operation.Tags?.Select(t => t.Name).FirstOrDefault(n => n is not null) ?? "",
                    method.ToString().ToUpperInvariant(), path, operation.OperationId, operation.Summary, operation.Description,
                    operation.OperationId is { } id && requires.TryGetValue(id, out var op) ? op : null,
                    [.. (operation.Parameters ?? []).Select(p => new ApiParameter(p.Name ?? "", p.In?.ToString().ToLowerInvariant() ?? "", p.Required, TypeOf(p.Schema), p.Description))],
                    body is null ? null : string.Join(", ", body.Keys),
                    [.. (bodySchema?.Properties ?? new Dictionary<string, IOpenApiSchema>()).Select(p =>
                        new ApiField(p.Key, TypeOf(p.Value), bodySchema!.Required?.Contains(p.Key) == true, p.Value.Description))],
                    [.. (operation.Responses ?? []).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r =>
                        new ApiAnswer(r.Key, r.Value.Description, r.Value.Content is { Count: > 0 } c ? string.Join(", ", c.Keys) : null))]));
            }
        }
        return [.. operations.OrderBy(o => o.Tag, StringComparer.Ordinal).ThenBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => o.Method, StringComparer.Ordinal)];
    }

    /// <summary>"string (date-time)", "array of MeetingRow", "integer or null".</summary>
    private static string TypeOf(IOpenApiSchema? schema)
    {
        if (schema is null)
        {
            return "";
        }
        if (schema is OpenApiSchemaReference reference && reference.Reference.Id is { } id)
        {
            return id;
        }
        if (schema.AnyOf is { Count: > 0 } || schema.OneOf is { Count: > 0 })
        {
            return string.Join(" | ", (schema.AnyOf is { Count: > 0 } ? schema.AnyOf : schema.OneOf!).Select(TypeOf));
        }
        if (schema.Type is not { } type)
        {
            return "any";
        }
        var core = type & ~JsonSchemaType.Null;
        var name = core == JsonSchemaType.Array ? "array of " + TypeOf(schema.Items) : core.ToString().ToLowerInvariant();
        if (schema.Format is { } format)
        {
            name += $" ({format})";
        }
        return type.HasFlag(JsonSchemaType.Null) ? name + " | null" : name;
    }

    /// <summary>The operation each named endpoint requires, as <see cref="OperationPolicies"/> registered it.</summary>
    private static Dictionary<string, Operation> RequiredOperations(EndpointDataSource endpoints)
    {
        var required = new Dictionary<string, Operation>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is not { } name)
            {
                continue;
            }
            var policy = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p?.StartsWith(OperationPolicies.Prefix, StringComparison.Ordinal) == true);
            if (policy is not null && Enum.TryParse<Operation>(policy[OperationPolicies.Prefix.Length..], out var operation))
            {
                required[name] = operation;
            }
        }
        return required;
    }
}
