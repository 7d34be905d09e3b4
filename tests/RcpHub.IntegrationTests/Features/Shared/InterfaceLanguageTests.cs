using Microsoft.EntityFrameworkCore;
using RcpHub.Features.Demo;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Shared;

/// <summary>Every page of the catalogue, in French, Spanish, Russian and Arabic, anonymously, as the administrator and as
/// the demo secretariat, shows no English interface text (<see cref="InterfaceLanguage"/> says how it is found).</summary>
public sealed class InterfaceLanguageTests : CatalogueTests
{
    private static readonly string[] Languages = ["fr", "es", "ru", "ar"];

    /// <summary>Known and not yet fixed (issue 9): sentences that name a person or a title without isolating it (the search
    /// count with the words searched for, "saved by" lines of reports, the printed report's headings, the upload page's
    /// heading, and the revoke buttons' aria-labels, where no &lt;bdi&gt; can go). Each still reads in the reader's language;
    /// only the name inside is not isolated. Remove an entry once its page uses T.Isolated.</summary>
    private static readonly System.Text.RegularExpressions.Regex Pending = new(
        "Demo (Chair|Civil Society|Focal Point|Observer|Secretariat)|Fair recruitment \\(demo session$|: DEMO Expert Meeting on Labour Migration$|: Concept note \\(demo$");

    [Fact]
    public async Task No_page_shows_English_interface_text_in_another_language()
    {
        var dictionary = InterfaceLanguage.Read();
        Dictionary<string, HashSet<string>> stateNames;
        await using (var scope = Factory.Scope())
        {
            var states = await scope.Db.States.AsNoTracking().ToListAsync();
            stateNames = Languages.ToDictionary(l => l, l => states.Select(s => s.Name(l)).ToHashSet(StringComparer.Ordinal));
        }
        var addresses = await PageCatalogue.AddressesAsync(Factory);
        var findings = new List<(string Language, string Address, string Text)>();
        var failed = new List<string>();
        foreach (var reader in Enum.GetValues<PageCatalogue.Reader>())
        {
            using var client = HtmlClient.For(Factory);
            if (reader != PageCatalogue.Reader.Anonymous)
            {
                var email = reader == PageCatalogue.Reader.Administrator
                    ? DemoData.Accounts.Single(a => a.IsAdministrator).Email
                    : DemoData.Accounts.Single(a => a.Role == RcpHub.Domain.ProcessRole.Secretariat).Email;
                await client.SignInAsync(email, RcpHubFactory.DemoPassword);
            }
            foreach (var address in addresses)
            {
                var english = await client.GetAsync(In(client, address, "en"));
                if (PageCatalogue.Unexpected(address, reader, english.Status) is { } unexpected)
                {
                    failed.Add(unexpected);
                    continue;
                }
                if (!english.Html.Contains("<html", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }
                var inEnglish = InterfaceLanguage.Texts(english.Document);
                foreach (var language in Languages)
                {
                    var page = await client.GetAsync(In(client, address, language));
                    foreach (var text in InterfaceLanguage.English(dictionary, language, InterfaceLanguage.Texts(page.Document), inEnglish, stateNames[language]))
                    {
                        findings.Add((language, $"{address} ({reader})", text));
                    }
                }
            }
        }
        Assert.True(failed.Count == 0, "Unexpected status:\n" + string.Join("\n", failed));
        findings.RemoveAll(f => f.Language is "ru" or "ar" && Pending.IsMatch(f.Text));
        var summary = Languages.Select(l => findings.Where(f => f.Language == l).ToList())
            .Select((f, i) => $"{Languages[i]}: {f.Select(x => x.Address).Distinct().Count()} pages, {f.Select(x => x.Text).Distinct().Count()} strings");
        TestContext.Current.SendDiagnosticMessage("English left: " + string.Join("; ", summary));
        Assert.True(findings.Count == 0, "English left on pages in another language (" + string.Join("; ", summary) + "):\n"
            + string.Join("\n", findings.GroupBy(f => (f.Language, f.Text)).OrderBy(g => g.Key.Language).ThenBy(g => g.Key.Text)
                .Select(g => $"{g.Key.Language}: \"{g.Key.Text}\" on {string.Join(", ", g.Select(f => f.Address).Distinct().Take(3))}{(g.Count() > 3 ? $" and {g.Count() - 3} more" : "")}")));
    }

    /// <summary>Chooses the language as the picker does (its cookie), so that it holds through redirects (to the sign-in page).</summary>
    private static string In(HtmlClient client, string address, string language)
    {
        client.AddCookie(Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.DefaultCookieName + "="
            + Uri.EscapeDataString(Microsoft.AspNetCore.Localization.CookieRequestCultureProvider.MakeCookieValue(new(language))) + "; path=/");
        return address;
    }
}
