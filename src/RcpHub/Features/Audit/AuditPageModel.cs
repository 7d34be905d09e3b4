using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;
using RcpHub.Data;

namespace RcpHub.Features.Audit;

/// <summary>What both audit pages share: a page of entries, the kinds of record to filter by, and the link to older entries.</summary>
public abstract class AuditPageModel(AppDbContext db, IStringLocalizer<AuditText> t) : PageModel
{
    protected AppDbContext Db => db;
    protected IStringLocalizer<AuditText> T => t;

    public AuditPage Entries { get; private set; } = new([], null);

    /// <summary>The states, people and organisations the entries name by code or id.</summary>
    public AuditNames Names { get; private set; } = AuditNames.None;

    protected async Task ReadAsync(AuditFilter filter)
    {
        Entries = await AuditLog.ReadAsync(db, filter, HttpContext.RequestAborted);
        Names = await AuditSentences.NamesAsync(db, Entries.Entries, HttpContext.RequestAborted);
    }

    public abstract bool ShowProcess { get; }

    public IEnumerable<SelectListItem> EntityTypeOptions(string? selected) =>
        AuditLog.EntityTypes(db)
            .Select(type => new SelectListItem(AuditLog.EntityLabel(type, t), type, type == selected))
            .OrderBy(o => o.Text, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true))
            .Prepend(new SelectListItem(t["All kinds"], ""));

    /// <summary>This address with the same filters, one page older.</summary>
    public string? OlderUrl => Entries.OlderBefore is { } before
        ? Request.Path + QueryString.Create(Request.Query.Where(q => q.Key != "before")
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>("before", before.ToString(System.Globalization.CultureInfo.InvariantCulture))))
        : null;

    /// <summary>This address with the same filters, from the newest entry.</summary>
    public string NewestUrl => Request.Path + QueryString.Create(Request.Query.Where(q => q.Key != "before")
        .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))));
}
