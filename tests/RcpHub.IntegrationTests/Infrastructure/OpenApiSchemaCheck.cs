using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RcpHub.IntegrationTests.Infrastructure;

/// <summary>Checks a JSON value against a schema of an OpenAPI 3.1 document, for the part of JSON Schema that
/// Microsoft.AspNetCore.OpenApi writes: $ref to the components, type (one or several), properties, required,
/// additionalProperties, items, enum, pattern, oneOf, anyOf, allOf. Stricter than JSON Schema in one way: a property
/// that an object schema with properties does not list is an error unless additionalProperties allows it, so that a
/// field the document does not tell of cannot slip through.</summary>
public sealed class OpenApiSchemaCheck(JsonElement document)
{
    private const string ComponentPrefix = "#/components/schemas/";

    public List<string> Errors(JsonElement value, JsonElement schema, string at = "$")
    {
        var errors = new List<string>();
        Check(value, schema, at, errors);
        return errors;
    }

    private void Check(JsonElement value, JsonElement schema, string at, List<string> errors)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return;
        }
        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add($"{at}: no value is allowed here");
            return;
        }
        if (schema.TryGetProperty("$ref", out var reference))
        {
            Check(value, Resolve(reference.GetString()!), at, errors);
        }
        if (schema.TryGetProperty("type", out var type) && !Types(type).Any(t => IsOfType(value, t)))
        {
            errors.Add($"{at}: {Describe(value)} is not of type {type.GetRawText()}");
            return;
        }
        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => JsonElement.DeepEquals(v, value)))
        {
            errors.Add($"{at}: {value.GetRawText()} is not one of {values.GetRawText()}");
        }
        if (schema.TryGetProperty("pattern", out var pattern) && value.ValueKind == JsonValueKind.String
            && !Regex.IsMatch(value.GetString()!, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            errors.Add($"{at}: \"{value.GetString()}\" does not match {pattern.GetString()}");
        }
        if (schema.TryGetProperty("allOf", out var all))
        {
            foreach (var branch in all.EnumerateArray())
            {
                Check(value, branch, at, errors);
            }
        }
        if (schema.TryGetProperty("anyOf", out var any) && !any.EnumerateArray().Any(b => Errors(value, b, at).Count == 0))
        {
            errors.Add($"{at}: {Describe(value)} matches none of anyOf: {string.Join(" | ", any.EnumerateArray().SelectMany(b => Errors(value, b, at)))}");
        }
        if (schema.TryGetProperty("oneOf", out var one))
        {
            var matching = one.EnumerateArray().Count(b => Errors(value, b, at).Count == 0);
            if (matching != 1)
            {
                errors.Add($"{at}: {Describe(value)} matches {matching} of oneOf, not exactly one: {string.Join(" | ", one.EnumerateArray().SelectMany(b => Errors(value, b, at)))}");
            }
        }
        if (value.ValueKind == JsonValueKind.Object)
        {
            CheckObject(value, schema, at, errors);
        }
        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray())
            {
                Check(item, items, $"{at}[{i++}]", errors);
            }
        }
    }

    private void CheckObject(JsonElement value, JsonElement schema, string at, List<string> errors)
    {
        if (schema.TryGetProperty("required", out var required))
        {
            foreach (var name in required.EnumerateArray().Select(n => n.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
            {
                errors.Add($"{at}: required property '{name}' is missing");
            }
        }
        var hasProperties = schema.TryGetProperty("properties", out var properties);
        var hasAdditional = schema.TryGetProperty("additionalProperties", out var additional);
        foreach (var property in value.EnumerateObject())
        {
            if (hasProperties && properties.TryGetProperty(property.Name, out var propertySchema))
            {
                Check(property.Value, propertySchema, $"{at}.{property.Name}", errors);
            }
            else if (hasAdditional)
            {
                Check(property.Value, additional, $"{at}.{property.Name}", errors);
            }
            else if (hasProperties)
            {
                errors.Add($"{at}: property '{property.Name}' is not in the schema");
            }
        }
    }

    private JsonElement Resolve(string reference)
    {
        Assert.StartsWith(ComponentPrefix, reference);
        return document.GetProperty("components").GetProperty("schemas").GetProperty(reference[ComponentPrefix.Length..]);
    }

    private static IEnumerable<string> Types(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!) : [type.GetString()!];

    private static bool IsOfType(JsonElement value, string type) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && decimal.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d),
        "number" => value.ValueKind == JsonValueKind.Number,
        "string" => value.ValueKind == JsonValueKind.String,
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        _ => throw new InvalidOperationException($"Unknown JSON Schema type '{type}'."),
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.GetRawText(),
    };
}
