using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace RcpHub.Infrastructure;

/// <summary>Posted values the model binder could not read at all (letters in a year, a malformed date).</summary>
public static class UnreadableInput
{
    /// <summary>True when some posted value could not be read; the binder's own message is English, so each is replaced
    /// by <paramref name="message"/>, in the reader's language.</summary>
    public static bool ReplaceUnreadable(this ModelStateDictionary modelState, string message)
    {
        var unreadable = modelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => e.Key).ToList();
        foreach (var key in unreadable)
        {
            modelState[key]!.Errors.Clear();
            modelState.AddModelError(key, message);
        }
        return unreadable.Count > 0;
    }
}

/// <summary>Messages per field from the rules that the pages and the API share. Pages show them next to their
/// fields (ModelState under the form's prefix); the API returns them as a validation problem with camelCase names.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public IReadOnlyDictionary<string, List<string>> ByField => _errors;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
        {
            messages = _errors[field] = [];
        }
        messages.Add(message);
    }

    public void CopyTo(ModelStateDictionary modelState, string prefix)
    {
        foreach (var (field, messages) in _errors)
        {
            foreach (var message in messages)
            {
                modelState.AddModelError(prefix.Length == 0 ? field : $"{prefix}.{field}", message);
            }
        }
    }

    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(
        _errors.ToDictionary(e => JsonNamingPolicy.CamelCase.ConvertName(e.Key), e => e.Value.ToArray()));
}

/// <summary>What a command did: saved (with the id of what it created or changed), refused with field messages,
/// or found nothing to act on.</summary>
public sealed class Outcome
{
    private Outcome(FieldErrors errors, bool notFound, int id)
    {
        Errors = errors;
        IsNotFound = notFound;
        Id = id;
    }

    public FieldErrors Errors { get; }
    public bool IsNotFound { get; }
    public int Id { get; }
    public bool Succeeded => !IsNotFound && !Errors.Any;

    public static Outcome Saved(int id) => new(new FieldErrors(), false, id);
    public static Outcome Refused(FieldErrors errors) => new(errors, false, 0);
    public static Outcome NotFound { get; } = new(new FieldErrors(), true, 0);
}
