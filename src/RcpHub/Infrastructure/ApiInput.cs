using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RcpHub.Features.Shared;

namespace RcpHub.Infrastructure;

/// <summary>Checks every request of the JSON API before its handler runs, by the rules of <see cref="TextInput"/>:
/// in the body, a null where the type declares none (a list, a list's item), a choice that is not one of its names,
/// text with control characters; in the address, a choice that is not one of its names (<c>?level=-1</c> would
/// otherwise filter on a level that does not exist). Refused: a 400 validation problem naming each field as the JSON
/// spells it, and the handler does not run, so nothing is stored. One pass for every endpoint, so that a new input
/// type is covered without being listed anywhere.</summary>
public static class ApiInput
{
    private const int MaxDepth = 8;

    public static TBuilder CheckInput<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory(Filter);

    private static EndpointFilterDelegate Filter(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var parameters = context.MethodInfo.GetParameters();
        var services = context.ApplicationServices.GetRequiredService<IServiceProviderIsService>();
        var body = Array.FindIndex(parameters, p => IsJsonBody(p, services));
        var choices = parameters.Where(p => (Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType).IsEnum)
            .Select(p => (Name: p.GetCustomAttribute<FromQueryAttribute>()?.Name ?? p.Name!, Type: Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType))
            .ToList();
        if (body < 0 && choices.Count == 0)
        {
            return next;
        }
        return async invocation =>
        {
            var http = invocation.HttpContext;
            var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var text = http.RequestServices.GetRequiredService<IStringLocalizer<SharedText>>();
            foreach (var (name, type) in choices)
            {
                var raw = http.Request.RouteValues.TryGetValue(name, out var route) ? route?.ToString() : (string?)http.Request.Query[name];
                if (!string.IsNullOrEmpty(raw) && !TextInput.TryReadChoice(type, raw, out _))
                {
                    Add(errors, name, text[TextInput.UnknownChoice, TextInput.Choices(type)]);
                }
            }
            if (body >= 0 && invocation.Arguments[body] is { } input)
            {
                Check(input, text, errors);
            }
            if (errors.Count > 0)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
                    title: text["The request could not be accepted."]);
            }
            return await next(invocation);
        };
    }

    /// <summary>The parameter minimal APIs read from the JSON body: marked so, or one of this application's types that is
    /// neither a service, nor a set of parameters, nor bound by a <c>BindAsync</c> of its own (the addressed process).
    /// A merge patch (a JSON node) is checked by its handler instead.</summary>
    private static bool IsJsonBody(ParameterInfo parameter, IServiceProviderIsService services)
    {
        var type = parameter.ParameterType;
        if (parameter.IsDefined(typeof(FromBodyAttribute)))
        {
            return !typeof(JsonNode).IsAssignableFrom(type);
        }
        return type.Assembly == typeof(ApiInput).Assembly && type.IsClass && !services.IsService(type)
            && type.GetMethod("BindAsync", BindingFlags.Public | BindingFlags.Static) is null
            && !parameter.IsDefined(typeof(AsParametersAttribute)) && !parameter.GetCustomAttributes().Any(a => a is IFromRouteMetadata or IFromQueryMetadata or IFromHeaderMetadata or IFromServiceMetadata or IFromFormMetadata);
    }

    /// <summary>The fields of <paramref name="input"/> (and of what it holds) that the rules refuse, by their JSON names.
    /// For a handler that reads a body itself rather than through the filter (a merge patch).</summary>
    public static Dictionary<string, string[]> Check(object input, IStringLocalizer<SharedText> text)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        Check(input, text, errors);
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void Check(object input, IStringLocalizer<SharedText> text, Dictionary<string, List<string>> errors) =>
        Walk(input, "", new NullabilityInfoContext(), text, errors, 0);

    private static void Walk(object value, string path, NullabilityInfoContext nullability, IStringLocalizer<SharedText> text,
        Dictionary<string, List<string>> errors, int depth)
    {
        if (depth > MaxDepth)
        {
            return;
        }
        foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            // Only what a body can set: a computed property only repeats what it is computed from.
            if (!property.CanRead || !property.CanWrite || property.GetIndexParameters().Length > 0 || property.IsDefined(typeof(JsonIgnoreAttribute)))
            {
                continue;
            }
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            Field(property.GetValue(value), property.PropertyType, nullability.Create(property), property.IsDefined(typeof(MultiLineAttribute)),
                path.Length == 0 ? name : $"{path}.{name}", nullability, text, errors, depth);
        }
    }

    private static void Field(object? value, Type type, NullabilityInfo? declared, bool multiLine, string field, NullabilityInfoContext nullability,
        IStringLocalizer<SharedText> text, Dictionary<string, List<string>> errors, int depth)
    {
        switch (value)
        {
            case null when !type.IsValueType && declared?.ReadState == NullabilityState.NotNull:
                Add(errors, field, text[TextInput.Missing]);
                return;
            case null:
                return;
            case string s:
                if (!TextInput.Allows(s, multiLine))
                {
                    Add(errors, field, text[TextInput.ControlCharacters]);
                }
                return;
            case Enum choice:
                if (!Enum.IsDefined(choice.GetType(), choice))
                {
                    Add(errors, field, text[TextInput.UnknownChoice, TextInput.Choices(choice.GetType())]);
                }
                return;
            case IEnumerable items:
                var element = declared?.ElementType ?? declared?.GenericTypeArguments.FirstOrDefault();
                var index = 0;
                foreach (var item in items)
                {
                    Field(item, element?.Type ?? typeof(object), element, multiLine, $"{field}[{index++}]", nullability, text, errors, depth + 1);
                }
                return;
        }
        if (value.GetType().Assembly == typeof(ApiInput).Assembly)
        {
            Walk(value, field, nullability, text, errors, depth + 1);
        }
    }

    private static void Add(Dictionary<string, List<string>> errors, string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages))
        {
            messages = errors[field] = [];
        }
        messages.Add(message);
    }
}

/// <summary>Reads a choice in a JSON body by its name only, in any case (as the built-in converter does), and writes its
/// name. The built-in one also reads "A, B" as a combination, which for a choice that is not a set of flags can land
/// on another defined choice and be stored without a word.</summary>
public sealed class ChoiceJsonConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Choice<>).MakeGenericType(typeToConvert))!;

    private sealed class Choice<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String && TextInput.TryReadChoice(typeof(T), reader.GetString(), out var choice)
                ? (T)choice!
                : throw new UnknownChoiceException(typeof(T));

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Read(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(value.ToString());
    }
}

/// <summary>Tells <see cref="UnreadableBodyHandler"/> which choices the field has, for its message.</summary>
public sealed class UnknownChoiceException(Type choices) : JsonException($"Use one of: {TextInput.Choices(choices)}.")
{
    public Type Choices { get; } = choices;
}

/// <summary>A JSON body that cannot be read (a value of the wrong kind, a choice that is not one of its names, malformed
/// JSON) as a 400 validation problem naming the field the reader stopped at, in the reader's language. Minimal APIs
/// would answer a bare 400 that says nothing of where. Pages are left to their own error page.</summary>
public sealed partial class UnreadableBodyHandler(IProblemDetailsService problems, IStringLocalizer<SharedText> text) : Microsoft.AspNetCore.Diagnostics.IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || !httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }
        httpContext.Response.StatusCode = bad.StatusCode;
        var field = bad.InnerException is JsonException { Path: { Length: > 2 } path } ? FieldName(path) : Parameter().Match(bad.Message) is { Success: true } m ? m.Groups[1].Value : null;
        var problem = field is not null
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [field] = [bad.InnerException is UnknownChoiceException unknown
                    ? text[TextInput.UnknownChoice, TextInput.Choices(unknown.Choices)]
                    : text["This value cannot be read here: give it as the API's description says."]],
            })
            {
                Status = bad.StatusCode,
                Title = text["The request could not be accepted."],
            }
            : new ProblemDetails { Status = bad.StatusCode, Title = text["Bad request"] };
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    // The framework names a query or route value it could not read only in its message: 'Failed to bind parameter "MeetingLevel? level" from "x".'
    [System.Text.RegularExpressions.GeneratedRegex(@"^Failed to bind parameter ""[^""]*?(\w+)"" from")]
    private static partial System.Text.RegularExpressions.Regex Parameter();

    /// <summary>"$.speakers[0].name" → "speakers[0].name", the name the validation problems use.</summary>
    private static string FieldName(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}

