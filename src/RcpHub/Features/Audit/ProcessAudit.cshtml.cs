using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Manage;
using RcpHub.Infrastructure.Authorization;

namespace RcpHub.Features.Audit;

/// <summary>The changes made to one process, for its secretariat and chair: nothing of any other process.</summary>
[Requires(Operation.ViewProcessAuditLog)]
public sealed class ProcessAuditModel(AppDbContext db, IStringLocalizer<AuditText> t) : AuditPageModel(db, t)
{
    public AddressedProcess Process { get; private set; } = null!;

    [FromQuery(Name = "type")]
    public string? EntityType { get; set; }

    public override bool ShowProcess => false;

    public async Task<IActionResult> OnGetAsync(long? before)
    {
        var process = HttpContext.AddressedProcess();
        Process = process;
        await ReadAsync(new AuditFilter(ProcessId: process.Id, EntityType: EntityType, Before: before));
        return Page();
    }
}
