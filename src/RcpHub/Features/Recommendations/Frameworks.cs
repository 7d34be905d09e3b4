using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Features.Meetings;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Features.Recommendations;

/// <summary>The pages of the two reference lists (GCM objectives, SDG targets and indicators) with the recommendations
/// linked to them: public pages whose lists and counts hold only what the reader may read (<see cref="OutputAccess"/>).</summary>
public abstract class FrameworkPage(AppDbContext db, MeetingReaders readers) : PageModel
{
    protected AppDbContext Db => db;
    public string Language => Cultures.Current;
    protected Task<MeetingReader> ReaderAsync() => readers.CurrentAsync(User);
}
