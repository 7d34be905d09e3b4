using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Infrastructure;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Manage;

/// <summary>Field rules several forms share.</summary>
internal static class Checks
{
    public const int NoteLength = 500;
    public const int TextLength = 4000;

    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static void Required(this FieldErrors errors, IStringLocalizer<ManageText> t, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, t["This field is required."]);
        }
    }

    public static void MaxLength(this FieldErrors errors, IStringLocalizer<ManageText> t, string field, string? value, int max)
    {
        if (value is not null && value.Trim().Length > max)
        {
            errors.Add(field, t.Plural(max, "Keep this under {0} character.", "Keep this under {0} characters."));
        }
    }

    public static void Defined<TEnum>(this FieldErrors errors, IStringLocalizer<ManageText> t, string field, TEnum? value)
        where TEnum : struct, Enum
    {
        if (value is null || !Enum.IsDefined(value.Value))
        {
            errors.Add(field, t["Choose one of the options."]);
        }
    }

    /// <summary>A period ends on or after its start.</summary>
    public static void NotBefore(this FieldErrors errors, IStringLocalizer<ManageText> t, string field, DateOnly? end, DateOnly? start)
    {
        if (end is { } e && start is { } s && e < s)
        {
            errors.Add(field, t["This date cannot be before {0}.", ManageLabels.Date(s)]);
        }
    }

    /// <summary>Exactly one of a state and an organisation, and it exists. Returns the state code in upper case.</summary>
    public static async Task<string?> HolderAsync(this FieldErrors errors, IStringLocalizer<ManageText> t, AppDbContext db,
        string? stateCode, int? organizationId, string stateField, string organizationField, CancellationToken ct)
    {
        var code = Trimmed(stateCode)?.ToUpperInvariant();
        if ((code is null) == (organizationId is null))
        {
            errors.Add(stateField, t["Choose either a state or an organisation."]);
            return code;
        }
        if (code is not null && !await db.States.AnyAsync(s => s.Code == code, ct))
        {
            errors.Add(stateField, t["There is no state with the code {0}.", code]);
        }
        if (organizationId is { } id && !await db.Organizations.AnyAsync(o => o.Id == id, ct))
        {
            errors.Add(organizationField, t["There is no such organisation."]);
        }
        return code;
    }
}
