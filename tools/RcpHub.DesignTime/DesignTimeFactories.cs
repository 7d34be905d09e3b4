using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using RcpHub.Data;

namespace RcpHub.DesignTime;

internal sealed class SqliteFactory : IDesignTimeDbContextFactory<SqliteAppDbContext>
{
    public SqliteAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteAppDbContext>()
            .UseSqlite("Data Source=design-time.db", o => o.MigrationsAssembly("RcpHub"))
            .Options);
}

internal sealed class PostgresFactory : IDesignTimeDbContextFactory<PostgresAppDbContext>
{
    public PostgresAppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresAppDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time", o => o.MigrationsAssembly("RcpHub"))
            .Options);
}
