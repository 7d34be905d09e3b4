using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Audit;

/// <summary>The whole audit log, for platform administrators, filtered by process, person and kind of record.</summary>
[Requires(Operation.AdministerPlatform)]
public sealed class AdminAuditModel(AppDbContext db, IStringLocalizer<AuditText> t) : AuditPageModel(db, t)
{
    [FromQuery(Name = "process")]
    public string? ProcessSlug { get; set; }

    [FromQuery(Name = "user")]
    public string? UserFilter { get; set; }

    [FromQuery(Name = "type")]
    public string? EntityType { get; set; }

    public IReadOnlyList<SelectListItem> ProcessOptions { get; private set; } = [];

    public override bool ShowProcess => true;

    public async Task OnGetAsync(long? before)
    {
        var processes = await Db.Processes.AsNoTracking().OrderBy(p => p.Acronym).Select(p => new { p.Slug, p.Acronym }).ToListAsync(HttpContext.RequestAborted);
        ProcessOptions = processes.Select(p => new SelectListItem(p.Acronym, p.Slug, p.Slug == ProcessSlug))
            .Prepend(new SelectListItem(T["All processes"], "")).ToList();
        await ReadAsync(new AuditFilter(ProcessSlug: ProcessSlug, User: UserFilter, EntityType: EntityType, Before: before));
    }
}
