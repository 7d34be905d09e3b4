using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RcpHub.IntegrationTests.Infrastructure;

/// <summary>Counts the SQL commands the application executes while it answers a request. The background work (the mail
/// dispatcher, the change listeners) runs on its own timer: counted, it made a page's count depend on when a tick fell.</summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    // The accessor reads one AsyncLocal shared by every instance: the request the command was sent for, if any.
    private static readonly HttpContextAccessor Request = new();

    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        if (Request.HttpContext is not null)
        {
            Interlocked.Increment(ref _count);
        }
        return result;
    }
}
