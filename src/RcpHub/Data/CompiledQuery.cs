using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace RcpHub.Data;

/// <summary>A query compiled once per model (<c>EF.CompileAsyncQuery</c>): a compiled query is bound to the model and
/// provider it first ran with, and the SQLite and PostgreSQL contexts each have their own (one process runs one of them,
/// but the test suite runs both, and the two-instance tests share a process with the SQLite ones).</summary>
public sealed class CompiledQuery<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConcurrentDictionary<IModel, TQuery> _byModel = new();

    public TQuery For(DbContext db) => _byModel.GetOrAdd(db.Model, _ => compile());
}
