extern alias app;

using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using app::RcpHub.Data;

/// <summary>Writes millions of rows of one entity's table at the speed the database allows: on SQLite one prepared INSERT
/// in one transaction, on PostgreSQL binary COPY. Table and column names and the stored form of each value (enums as
/// names, dates, the SQLite binary form of DateTimeOffset, lists as JSON or arrays) come from the application's own model,
/// so the rows are the ones EF Core would write. The table's secondary indexes are dropped for the load and built again
/// after it (faster than keeping them up to date row by row); on PostgreSQL foreign keys are not checked during the copy
/// (session_replication_role, so the bench needs a superuser, as the throw-away test cluster is).</summary>
internal sealed class BulkRows : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly IProperty[] _properties;
    private readonly string _table;
    private readonly List<(string Name, string Sql)> _indexes;
    private readonly SqliteCommand? _insert;
    private readonly SqliteTransaction? _transaction;
    private readonly NpgsqlBinaryImporter? _copy;

    public long Count { get; private set; }

    private BulkRows(DbConnection connection, IProperty[] properties, string table, List<(string, string)> indexes, SqliteCommand? insert, SqliteTransaction? transaction, NpgsqlBinaryImporter? copy)
    {
        _connection = connection;
        _properties = properties;
        _table = table;
        _indexes = indexes;
        _insert = insert;
        _transaction = transaction;
        _copy = copy;
    }

    /// <param name="connectionString">The database's connection string (a fresh connection is opened for the load).</param>
    public static async Task<BulkRows> OpenAsync<TEntity>(AppDbContext db, string connectionString, params string[] propertyNames)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
        var properties = propertyNames.Select(n => entity.FindProperty(n) ?? throw new InvalidOperationException($"{table}.{n} is not in the model.")).ToArray();
        var columns = string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(store)}\""));
        if (db.Database.IsNpgsql())
        {
            var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await Execute(connection, "SET session_replication_role = replica");
            var indexes = await Indexes(connection, $"SELECT indexname, indexdef FROM pg_indexes WHERE tablename = '{table}' AND indexname NOT IN (SELECT conname FROM pg_constraint)");
            foreach (var (name, _) in indexes)
            {
                await Execute(connection, $"DROP INDEX \"{name}\"");
            }
            var copy = await connection.BeginBinaryImportAsync($"COPY \"{table}\" ({columns}) FROM STDIN (FORMAT BINARY)");
            return new BulkRows(connection, properties, table, indexes, null, null, copy);
        }
        else
        {
            var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            // Only for this connection's load: nothing is lost if the bench dies half way, the database is thrown away.
            await Execute(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -200000; PRAGMA temp_store = MEMORY;");
            var indexes = await Indexes(connection, $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}' AND sql IS NOT NULL");
            foreach (var (name, _) in indexes)
            {
                await Execute(connection, $"DROP INDEX \"{name}\"");
            }
            var transaction = connection.BeginTransaction();
            var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"{table}\" ({columns}) VALUES ({string.Join(", ", properties.Select((_, i) => "$p" + i))})";
            for (var i = 0; i < properties.Length; i++)
            {
                insert.Parameters.Add(new SqliteParameter("$p" + i, null));
            }
            insert.Prepare();
            return new BulkRows(connection, properties, table, indexes, insert, transaction, null);
        }
    }

    /// <summary>One row, its values in the order of the property names given to <see cref="OpenAsync"/>, as the entity holds them.</summary>
    public async ValueTask AddAsync(params object?[] values)
    {
        Count++;
        if (_copy is not null)
        {
            await _copy.StartRowAsync();
            for (var i = 0; i < values.Length; i++)
            {
                await WriteAsync(_copy, Stored(_properties[i], values[i]));
            }
            return;
        }
        for (var i = 0; i < values.Length; i++)
        {
            _insert!.Parameters[i].Value = Stored(_properties[i], values[i]) ?? DBNull.Value;
        }
        await _insert!.ExecuteNonQueryAsync();
    }

    /// <summary>Commits the rows, builds the dropped indexes again, and refreshes the planner's statistics on PostgreSQL
    /// (as autovacuum would soon after a load this size). SQLite keeps none unless asked, like the application's own file.</summary>
    public async Task CompleteAsync()
    {
        if (_copy is not null)
        {
            await _copy.CompleteAsync();
            await _copy.DisposeAsync();
            await Execute(_connection, "SET session_replication_role = DEFAULT");
        }
        else
        {
            await _transaction!.CommitAsync();
        }
        foreach (var (_, sql) in _indexes)
        {
            await Execute(_connection, sql);
        }
        if (_copy is not null)
        {
            await Execute(_connection, $"ANALYZE \"{_table}\"");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_insert is not null)
        {
            await _insert.DisposeAsync();
        }
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }
        await _connection.DisposeAsync();
    }

    private static object? Stored(IProperty property, object? value)
    {
        if (value is null)
        {
            return null;
        }
        var converter = property.GetTypeMapping().Converter;
        return converter is null ? value : converter.ConvertToProvider(value);
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, object? value)
    {
        switch (value)
        {
            case null: await copy.WriteNullAsync(); break;
            case int i: await copy.WriteAsync(i, NpgsqlTypes.NpgsqlDbType.Integer); break;
            case long l: await copy.WriteAsync(l, NpgsqlTypes.NpgsqlDbType.Bigint); break;
            case bool b: await copy.WriteAsync(b, NpgsqlTypes.NpgsqlDbType.Boolean); break;
            case string s: await copy.WriteAsync(s, NpgsqlTypes.NpgsqlDbType.Text); break;
            case DateOnly d: await copy.WriteAsync(d, NpgsqlTypes.NpgsqlDbType.Date); break;
            case DateTimeOffset t: await copy.WriteAsync(t.ToUniversalTime(), NpgsqlTypes.NpgsqlDbType.TimestampTz); break;
            case IEnumerable<string> list: await copy.WriteAsync(list.ToArray(), NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text); break;
            default: throw new NotSupportedException($"No COPY form for {value.GetType().Name}.");
        }
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<(string, string)>> Indexes(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var indexes = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        return indexes;
    }
}
