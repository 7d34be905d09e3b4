using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RcpHub.Data;
using RcpHub.Domain;
using RcpHub.Infrastructure;
using RcpHub.IntegrationTests.Features.Meetings;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Search;

/// <summary>Document text is searched through the library's index (decision 0031): a searched word finds the words it
/// starts, the index follows every change of the text, nothing of it outlives its document, and nothing is stored
/// without its entry.</summary>
public sealed class SearchIndexUpkeepTests : IAsyncLifetime
{
    private RcpHubFactory _factory = null!;
    private Meeting _public = null!;
    private AppUser _secretariat = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = await RcpHubFactory.CreateAsync();
        var midsa = await Arrange.ProcessIdAsync(_factory, "midsa");
        _secretariat = await TestSignIn.CreateUserAsync(_factory, "secretariat@midsa.example", roles: new ReaderRole(midsa, ProcessRole.Secretariat));
        _public = await Arrange.MeetingAsync(_factory, midsa, "Regional consultation", MeetingAudience.Public);
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<int[]> FoundAsync(string q)
    {
        using var api = _factory.CreateClient();
        var results = await api.GetFromJsonAsync<JsonElement>($"/api/v1/search?q={Uri.EscapeDataString(q)}");
        return [.. results.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("kind").GetString() == "Document")
            .Select(i => int.Parse(i.GetProperty("key").GetString()!))];
    }

    private async Task<int> EntriesOfAsync(int documentId)
    {
        await using var scope = _factory.Scope();
        var key = documentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await scope.Db.SearchEntries.CountAsync(e => e.Kind == SearchKind.Document && e.Key == key);
    }

    [Fact]
    public async Task A_word_finds_the_words_of_the_text_it_starts_but_not_those_it_stands_inside()
    {
        var note = await SearchArrange.DocumentAsync(_factory, _public.Id, "Concept note", "Le recrutement équitable des travailleurs.");

        Assert.Equal([note.Id], await FoundAsync("recrut"));
        Assert.Equal([note.Id], await FoundAsync("RECRUTEMENT equit"));
        // Text is matched from a word's start, not anywhere inside a word.
        Assert.Empty(await FoundAsync("crutement"));
        // A longer form of the word is found by its stem where the engine stems (PostgreSQL, decision 0036), not on SQLite.
        int[] stemmed = TestDatabase.Provider == DatabaseProvider.Postgres ? [note.Id] : [];
        Assert.Equal(stemmed, await FoundAsync("recrutements"));
        // Since the library's engines (decision 0031), titles are matched by their words' starts too, as text is.
        Assert.Equal([note.Id], await FoundAsync("concep"));
        Assert.Empty(await FoundAsync("oncept"));
    }

    [Fact]
    public async Task Russian_arabic_and_accented_words_are_found_by_their_start_whatever_their_case_and_marks()
    {
        var russian = await SearchArrange.DocumentAsync(_factory, _public.Id, "Доклад", "Совещание по вопросам: ТРУДОВАЯ МИГРАЦИЯ и права трудящихся.");
        var arabic = await SearchArrange.DocumentAsync(_factory, _public.Id, "تقرير", "تقرير عن الهِجْرَة النظامية في المنطقة.");
        var french = await SearchArrange.DocumentAsync(_factory, _public.Id, "Note", "Déclaration de Rabat sur la coopération régionale.");

        Assert.Equal([russian.Id], await FoundAsync("миграц трудов"));
        Assert.Equal([arabic.Id], await FoundAsync("الهجر"));
        Assert.Equal([french.Id], await FoundAsync("DECLAR cooperation"));
        // A word with a hyphen is several words of the index, each of which must be there.
        Assert.Equal([french.Id], await FoundAsync("rabat-sur"));
        Assert.Empty(await FoundAsync("rabat-nairobi"));
    }

    [Fact]
    public async Task A_changed_text_is_found_by_its_new_words_only()
    {
        var note = await SearchArrange.DocumentAsync(_factory, _public.Id, "Concept note", "Seasonal agricultural workers.");
        Assert.Equal([note.Id], await FoundAsync("seasonal"));

        await using (var scope = _factory.Scope())
        {
            var version = await scope.Db.DocumentVersions.SingleAsync(v => v.DocumentId == note.Id);
            version.ExtractedText = "Domestic workers and their rights.";
            await scope.Db.SaveChangesAsync();
        }

        Assert.Empty(await FoundAsync("seasonal"));
        Assert.Equal([note.Id], await FoundAsync("domestic work"));
        Assert.Equal(1, await EntriesOfAsync(note.Id));
    }

    [Fact]
    public async Task A_deleted_document_leaves_no_entry_behind_and_the_index_is_not_in_the_audit_log()
    {
        var note = await SearchArrange.DocumentAsync(_factory, _public.Id, "Concept note", "Circular migration schemes.");
        var other = await SearchArrange.DocumentAsync(_factory, _public.Id, "Other note", "Circular return.");
        Assert.Equal(1, await EntriesOfAsync(note.Id));

        using var api = await TestSignIn.HttpClientAsync(_factory, _secretariat);
        using var deleted = await api.DeleteAsync($"/api/v1/processes/midsa/meetings/{_public.Id}/documents/{note.Id}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);

        Assert.Equal(0, await EntriesOfAsync(note.Id));
        Assert.Equal([other.Id], await FoundAsync("circular"));
        await using var scope = _factory.Scope();
        Assert.False(await scope.Db.AuditEntries.AnyAsync(e => e.EntityType == nameof(SearchEntry)));
        Assert.True(await scope.Db.AuditEntries.AnyAsync(e => e.EntityType == nameof(DocumentVersion) && e.Action == "Deleted"));
    }

    [Fact]
    public async Task A_document_whose_entry_cannot_be_written_is_not_stored_either()
    {
        var failing = new FailingIndexWrites();
        await using var factory = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IDbCommandInterceptor>(failing)));
        failing.Armed = true;

        await Assert.ThrowsAnyAsync<Exception>(() => SearchArrange.DocumentAsync(factory.Services, _public.Id, "Lost note", "Irregular crossings."));

        failing.Armed = false;
        await using var scope = _factory.Scope();
        Assert.False(await scope.Db.Documents.AnyAsync(d => d.Title == "Lost note"));
        Assert.False(await scope.Db.AuditEntries.AnyAsync(e => e.EntityType == nameof(Document) && e.After!.Contains("Lost note")));
        Assert.Empty(await FoundAsync("irregular"));
    }

    [Fact]
    public async Task Texts_stored_before_the_index_are_indexed_when_the_database_is_migrated()
    {
        var note = await SearchArrange.DocumentAsync(_factory, _public.Id, "Concept note", "Skills partnerships and mobility.");
        await using (var scope = _factory.Scope())
        {
            await scope.Db.SearchEntries.ExecuteDeleteAsync();
        }
        Assert.Empty(await FoundAsync("partnership"));

        await DatabaseSetup.MigrateAndSeedAsync(_factory.Services);

        Assert.Equal([note.Id], await FoundAsync("partnership mobil"));
        Assert.Equal(1, await EntriesOfAsync(note.Id));
    }

    /// <summary>Fails the writes of the library's index while armed, as a full disk or a lost connection would.</summary>
    private sealed class FailingIndexWrites : DbCommandInterceptor
    {
        public volatile bool Armed;

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            FailOnIndexWrite(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            FailOnIndexWrite(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void FailOnIndexWrite(DbCommand command)
        {
            if (Armed && command.CommandText.Contains("INSERT INTO \"SearchEntries\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("The index cannot be written.");
            }
        }
    }
}
