using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Data;

/// <summary>Every saved change leaves exactly one entry per changed record, in the same transaction, filed under its process.</summary>
public sealed class AuditInterceptorTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;

    public async ValueTask InitializeAsync() => _factory = await RcpHubFactory.CreateAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<List<AuditEntry>> EntriesAfterAsync(long id)
    {
        await using var scope = _factory.Scope();
        return await scope.Db.AuditEntries.AsNoTracking().Where(a => a.Id > id).OrderBy(a => a.Id).ToListAsync();
    }

    private async Task<long> LastEntryAsync()
    {
        await using var scope = _factory.Scope();
        return await scope.Db.AuditEntries.MaxAsync(a => a.Id);
    }

    private async Task<int> ProcessIdAsync(string slug)
    {
        await using var scope = _factory.Scope();
        return await scope.Db.Processes.Where(p => p.Slug == slug).Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task The_seed_is_recorded_as_the_seed()
    {
        await using var scope = _factory.Scope();
        var midsa = await ProcessIdAsync("midsa");
        var seeded = await scope.Db.AuditEntries.Where(a => a.EntityType == "Process" && a.ProcessId == midsa).SingleAsync();
        Assert.Equal("system (seed)", seeded.UserName);
        Assert.Null(seeded.UserId);
        Assert.Equal("Added", seeded.Action);
        Assert.Equal(midsa.ToString(System.Globalization.CultureInfo.InvariantCulture), seeded.EntityId);
        Assert.True(await scope.Db.AuditEntries.CountAsync(a => a.UserName == "system (seed)" && a.EntityType == "Membership" && a.ProcessId == midsa) >= 16);
    }

    [Fact]
    public async Task Added_records_are_recorded_with_the_ids_the_database_gave_them()
    {
        var last = await LastEntryAsync();
        var midsa = await ProcessIdAsync("midsa");
        var term = new ChairTerm { ProcessId = midsa, StateCode = "NAM", StartYear = 2019 };
        await using (var scope = _factory.Scope())
        {
            scope.Db.ChairTerms.Add(term);
            await scope.Db.SaveChangesAsync();
        }
        var entry = Assert.Single(await EntriesAfterAsync(last));
        await using var check = _factory.Scope();
        var id = await check.Db.ChairTerms.Where(t => t.ProcessId == midsa).OrderByDescending(t => t.Id).Select(t => t.Id).FirstAsync();
        Assert.Equal(term.Id, id);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.EntityId);
        Assert.Equal(id, JsonDocument.Parse(entry.After!).RootElement.GetProperty("Id").GetInt32());
        Assert.Equal(midsa, entry.ProcessId);
        Assert.Null(entry.Before);
    }

    [Fact]
    public async Task A_failed_save_records_nothing_and_the_next_save_records_only_its_own_change()
    {
        var last = await LastEntryAsync();
        var midsa = await ProcessIdAsync("midsa");
        await using var scope = _factory.Scope();
        var db = scope.Db;
        var existing = await db.Themes.Select(t => t.Name).FirstAsync();
        db.Themes.Add(new Theme { Name = existing });
        db.ChairTerms.Add(new ChairTerm { ProcessId = midsa, StateCode = "BWA", StartYear = 2015 });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.Empty(await EntriesAfterAsync(last));

        db.ChangeTracker.Clear();
        db.ChairTerms.Add(new ChairTerm { ProcessId = midsa, StateCode = "ZWE", StartYear = 2014 });
        await db.SaveChangesAsync();
        var entry = Assert.Single(await EntriesAfterAsync(last));
        Assert.Contains("\"ZWE\"", entry.After);
    }

    [Fact]
    public async Task A_concurrency_conflict_records_nothing_and_leaves_no_transaction_open()
    {
        var last = await LastEntryAsync();
        var midsa = await ProcessIdAsync("midsa");
        await using var scope = _factory.Scope();
        var db = scope.Db;
        // Someone else removed this term already: the delete touches no row.
        db.ChairTerms.Remove(new ChairTerm { Id = 987654, ProcessId = midsa, StartYear = 2000 });
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());
        Assert.Empty(await EntriesAfterAsync(last));

        db.ChangeTracker.Clear();
        db.ChairTerms.Add(new ChairTerm { ProcessId = midsa, StateCode = "MOZ", StartYear = 2021 });
        await db.SaveChangesAsync();
        Assert.Null(db.Database.CurrentTransaction);
        var entry = Assert.Single(await EntriesAfterAsync(last));
        Assert.Equal("Added", entry.Action);
        Assert.Equal("ChairTerm", entry.EntityType);
    }

    [Fact]
    public async Task Body_members_are_filed_under_their_bodys_process_even_when_both_are_new()
    {
        var last = await LastEntryAsync();
        var midsa = await ProcessIdAsync("midsa");
        int bodyId;
        await using (var scope = _factory.Scope())
        {
            var body = new Body { ProcessId = midsa, Kind = BodyKind.ExpertGroup, Name = "Expert Group on Data" };
            body.Members.Add(new BodyMember { StateCode = "ZAF", IsChair = true });
            body.Members.Add(new BodyMember { StateCode = "LSO" });
            scope.Db.Bodies.Add(body);
            await scope.Db.SaveChangesAsync();
            bodyId = body.Id;
        }
        await using (var scope = _factory.Scope())
        {
            var member = await scope.Db.BodyMembers.FirstAsync(m => m.BodyId == bodyId && m.StateCode == "LSO");
            member.LeftOn = new DateOnly(2024, 1, 31);
            scope.Db.BodyMembers.Remove(await scope.Db.BodyMembers.FirstAsync(m => m.BodyId == bodyId && m.StateCode == "ZAF"));
            await scope.Db.SaveChangesAsync();
        }

        var entries = await EntriesAfterAsync(last);
        Assert.Equal(["Body", "BodyMember", "BodyMember", "BodyMember", "BodyMember"], entries.Select(e => e.EntityType).Order());
        Assert.All(entries, e => Assert.Equal(midsa, e.ProcessId));
        Assert.Contains(entries, e => e is { EntityType: "BodyMember", Action: "Deleted" } && e.Before!.Contains("\"ZAF\"", StringComparison.Ordinal));
        // Enumerations are recorded by name, as the database stores them.
        Assert.Equal("ExpertGroup", JsonDocument.Parse(entries.Single(e => e.EntityType == "Body").After!).RootElement.GetProperty("Kind").GetString());
    }

    [Fact]
    public async Task Themes_of_a_process_are_recorded_under_the_join_tables_name()
    {
        var last = await LastEntryAsync();
        var midsa = await ProcessIdAsync("midsa");
        await using (var scope = _factory.Scope())
        {
            var process = await scope.Db.Processes.Include(p => p.Themes).SingleAsync(p => p.Id == midsa);
            process.Themes.RemoveAt(0);
            await scope.Db.SaveChangesAsync();
        }
        var entry = Assert.Single(await EntriesAfterAsync(last));
        Assert.Equal("ProcessThemes", entry.EntityType);
        Assert.Equal("Deleted", entry.Action);
        Assert.Equal(midsa, entry.ProcessId);
    }
}
