using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RcpHub.IntegrationTests.Infrastructure;

/// <summary>Counts every SQL command the application executes.</summary>
public sealed class QueryCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        Interlocked.Increment(ref _count);
        return result;
    }
}
