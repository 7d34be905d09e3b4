using System.Globalization;
using Microsoft.Extensions.Localization;
using RcpHub.Domain;
using RcpHub.Infrastructure;

namespace RcpHub.Features.Calls;

/// <summary>A call as the secretariat writes it, on the page and in the API. Criteria, targets and regions are lines of
/// text (one per line, parts separated by "|") so that the form needs no script to add a row.</summary>
public sealed class CallInput
{
    public string? Title { get; set; }

    [MultiLine]
    public string? Eligibility { get; set; }

    public int? Places { get; set; }
    public bool TravelFunded { get; set; }

    /// <summary>The deadline for applications (an instant; the page reads it on the reader's clock).</summary>
    public DateTimeOffset? Deadline { get; set; }

    public SelectionMethod? Method { get; set; }
    public decimal? LotteryThreshold { get; set; }
    public int? AppealDays { get; set; }

    /// <summary>A meeting of the process the selected organisations are invited to; none for the process as a whole.</summary>
    public int? MeetingId { get; set; }

    /// <summary>"Name | weight" per line, e.g. "Experience with migrants | 3".</summary>
    [MultiLine]
    public string? Criteria { get; set; }

    /// <summary>"trait | value | min | max" per line (min or max may be empty), e.g. "route | network | 7 | 7" or
    /// "region | Africa | 2 |". Traits: route, country, region, type, migrantLed, gender, firstTime.</summary>
    [MultiLine]
    public string? Targets { get; set; }

    /// <summary>"Region | ISO alpha-3 codes" per line, e.g. "West Africa | SEN NGA".</summary>
    [MultiLine]
    public string? Regions { get; set; }

    /// <summary>Required once the call is published: shown with the change and sent to the applicants.</summary>
    public string? Reason { get; set; }
}

/// <summary>An application as an organisation's representative writes it.</summary>
public sealed class ApplicationInput
{
    public int? OrganizationId { get; set; }
    public string? Route { get; set; }

    [MultiLine]
    public string? Motivation { get; set; }

    public string? RepresentativeName { get; set; }
    public string? RepresentativeEmail { get; set; }
    public RepresentativeGender? RepresentativeGender { get; set; }
    public bool FirstTime { get; set; }

    /// <summary>Empty when the organisation has nothing to declare.</summary>
    [MultiLine]
    public string? ConflictOfInterest { get; set; }

    /// <summary>ISO alpha-3 code of the country the organisation is based in.</summary>
    public string? CountryCode { get; set; }
    public CivilSocietyType? OrganizationType { get; set; }
    public bool MigrantLed { get; set; }
}

/// <summary>Reads the lines of a <see cref="CallInput"/>, with a message per field for what cannot be read.</summary>
internal static class CallLines
{
    public static IEnumerable<string[]> Rows(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries));

    public static List<CallCriterion> Criteria(string? text, FieldErrors errors, IStringLocalizer<CallsText> t)
    {
        var criteria = new List<CallCriterion>();
        foreach (var row in Rows(text))
        {
            if (row.Length != 2 || row[0].Length == 0 || row[0].Length > CallLimits.Name
                || !int.TryParse(row[1], NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight is < 1 or > 100)
            {
                errors.Add(nameof(CallInput.Criteria), t["Write each criterion as “name | weight”, the weight a whole number from 1 to 100: “{0}” is not.", string.Join(" | ", row)]);
                return criteria;
            }
            criteria.Add(new CallCriterion { Name = row[0], Weight = weight, Position = criteria.Count + 1 });
        }
        if (criteria.Count == 0)
        {
            errors.Add(nameof(CallInput.Criteria), t["Give at least one criterion with its weight."]);
        }
        else if (criteria.Count > CallLimits.MaxCriteria)
        {
            errors.Add(nameof(CallInput.Criteria), t["At most {0} criteria.", CallLimits.MaxCriteria]);
        }
        return criteria;
    }

    public static List<CallTarget> Targets(string? text, FieldErrors errors, IStringLocalizer<CallsText> t)
    {
        var targets = new List<CallTarget>();
        foreach (var row in Rows(text))
        {
            int? min = null, max = null;
            var readable = row.Length is 3 or 4 && CallTraits.All.Contains(row[0], StringComparer.Ordinal) && row[1].Length is > 0 and <= CallLimits.Value
                && Bound(row[2], out min) && (row.Length == 3 || Bound(row[3], out max))
                && (min is not null || max is not null) && (min is null || max is null || min <= max);
            if (!readable)
            {
                errors.Add(nameof(CallInput.Targets), t["Write each target as “trait | value | at least | at most” (one bound may be empty), with a trait among {0}: “{1}” is not.", string.Join(", ", CallTraits.All), string.Join(" | ", row)]);
                return targets;
            }
            targets.Add(new CallTarget { Trait = row[0], Value = row[1], Min = min, Max = max });
        }
        if (targets.Count > CallLimits.MaxTargets)
        {
            errors.Add(nameof(CallInput.Targets), t["At most {0} targets.", CallLimits.MaxTargets]);
        }
        return targets;
    }

    public static List<CallRegion> Regions(string? text, FieldErrors errors, IStringLocalizer<CallsText> t)
    {
        var regions = new List<CallRegion>();
        foreach (var row in Rows(text))
        {
            var codes = row.Length == 2 ? row[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => c.ToUpperInvariant()).ToList() : [];
            if (row.Length != 2 || row[0].Length is 0 or > CallLimits.Value || codes.Count == 0 || codes.Any(c => c.Length != 3 || !c.All(char.IsAsciiLetter)))
            {
                errors.Add(nameof(CallInput.Regions), t["Write each region as “name | country codes”, the codes of three letters separated by spaces: “{0}” is not.", string.Join(" | ", row)]);
                return regions;
            }
            regions.Add(new CallRegion { Name = row[0], Countries = string.Join(' ', codes.Distinct()) });
        }
        return regions;
    }

    private static bool Bound(string text, out int? value)
    {
        value = null;
        if (text.Length == 0 || text == "-")
        {
            return true;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 10000)
        {
            value = number;
            return true;
        }
        return false;
    }

    public static string Write(IEnumerable<CallCriterion> criteria) =>
        string.Join('\n', criteria.OrderBy(c => c.Position).Select(c => $"{c.Name} | {c.Weight.ToString(CultureInfo.InvariantCulture)}"));

    public static string Write(IEnumerable<CallTarget> targets) =>
        string.Join('\n', targets.OrderBy(t => t.Id).Select(t => $"{t.Trait} | {t.Value} | {t.Min?.ToString(CultureInfo.InvariantCulture)} | {t.Max?.ToString(CultureInfo.InvariantCulture)}"));

    public static string Write(IEnumerable<CallRegion> regions) =>
        string.Join('\n', regions.OrderBy(r => r.Id).Select(r => $"{r.Name} | {r.Countries}"));
}

/// <summary>A call's terms as the reader sees them: the deadline on their clock.</summary>
public sealed record CallTerms(ParticipationCall Call, string Zone);
