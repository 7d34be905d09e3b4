using Microsoft.EntityFrameworkCore;
using RcpHub.Domain;
using RcpHub.IntegrationTests.Infrastructure;

namespace RcpHub.IntegrationTests.Features.Account;

/// <summary>Pages follow the signed-in person's language, whatever their browser asks for; switching language while
/// signed in saves it to the account, so that mail follows too. Visitors keep their browser's language.</summary>
public sealed class PreferredLanguageTests : MailingTests
{

    private async Task<string> FrenchReaderAsync()
    {
        var email = TestAccounts.NewEmail("lecteur");
        var user = await TestAccounts.CreateAsync(Factory, email);
        await using var scope = Factory.Scope();
        await scope.Db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredLanguage, "fr"));
        return email;
    }

    private async Task<string> StoredLanguageAsync(string email)
    {
        await using var scope = Factory.Scope();
        return await scope.Db.Users.Where(u => u.Email == email).Select(u => u.PreferredLanguage).SingleAsync();
    }

    [Fact]
    public async Task A_French_reader_on_an_English_browser_gets_French_pages_once_signed_in()
    {
        var email = await FrenchReaderAsync();
        using var client = HtmlClient.For(Factory, "en");

        var before = await client.GetAsync("/account/sign-in");
        var signedIn = await client.SignInAsync(email);
        var later = await client.GetAsync("/processes");

        Assert.Equal("en", before.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("/my", signedIn.Url);
        Assert.Equal("fr", signedIn.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Vous êtes connecté(e).", signedIn.Text("p.notice.ok"));
        Assert.Equal("fr", later.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Se déconnecter", later.Text("header form[action='/account/sign-out'] button"));
    }

    [Fact]
    public async Task Switching_to_Spanish_while_signed_in_is_saved_and_the_next_mail_is_in_Spanish()
    {
        var email = await FrenchReaderAsync();
        using var client = HtmlClient.For(Factory, "en");
        var mine = await client.SignInAsync(email);

        var switched = await client.SubmitAsync(mine, "form.language", new Dictionary<string, string> { ["culture"] = "es" });

        Assert.Equal("/my", switched.Url);
        Assert.Equal("es", switched.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Las páginas y los correos que recibe están ahora en Español.", switched.Text("p.notice.ok"));
        Assert.Equal("es", await StoredLanguageAsync(email));

        // Asked for from an English browser, signed out: written in the account's language all the same.
        using var anyone = HtmlClient.For(Factory, "en");
        await anyone.SubmitAsync(await anyone.GetAsync("/account/forgot-password"), "#forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        var mail = await Smtp.WaitForMessageToAsync(email, MailWait);
        Assert.Equal("Restablezca su contraseña de RcpHub", mail.Subject);
    }

    [Fact]
    public async Task Changing_the_language_on_my_account_page_switches_the_pages_too()
    {
        var email = await FrenchReaderAsync();
        using var client = HtmlClient.For(Factory, "en");
        await client.SignInAsync(email);

        var account = await client.GetAsync("/account");
        var saved = await client.SubmitAsync(account, "#mail-language", new Dictionary<string, string> { ["MailLanguage"] = "ru" });

        Assert.Equal("ru", saved.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Страницы и письма вам теперь на языке: Русский.", saved.Text("p.notice.ok"));
        Assert.Equal("ru", await StoredLanguageAsync(email));
        Assert.Equal("ru", (await client.GetAsync("/processes")).Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task A_visitor_keeps_their_browsers_language_and_a_public_page_is_never_served_in_another()
    {
        var email = await FrenchReaderAsync();
        using var visitor = HtmlClient.For(Factory, "en");
        using var reader = HtmlClient.For(Factory, "en");

        var first = await visitor.GetAsync("/processes");
        var mine = await reader.SignInAsync(email);
        await reader.SubmitAsync(await reader.GetAsync("/processes"), "form[action='/account/sign-out']", new Dictionary<string, string>());
        var signedOut = await reader.GetAsync("/processes");
        var again = await visitor.GetAsync("/processes");

        Assert.Equal("en", first.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("fr", mine.Document.DocumentElement.GetAttribute("lang"));
        // Signed out on this browser, the last language chosen on it holds; the visitor's cached English page is not served to it.
        Assert.Equal("fr", signedOut.Document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("en", again.Document.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task Someone_invited_in_French_who_accepts_on_an_English_browser_gets_French_pages()
    {
        var (slug, _) = await TestAccounts.ProcessWithMembersAsync(Factory);
        var secretariatEmail = TestAccounts.NewEmail("secretariat");
        await TestAccounts.CreateAsync(Factory, secretariatEmail, roles: (slug, ProcessRole.Secretariat));
        using var secretariat = HtmlClient.For(Factory, "en");
        await secretariat.SignInAsync(secretariatEmail);
        var invitee = TestAccounts.NewEmail("observateur");
        await secretariat.SubmitAsync(await secretariat.GetAsync($"/processes/{slug}/manage/invitations"), "#invite", new Dictionary<string, string>
        {
            ["Input.Email"] = invitee,
            ["Input.Role"] = "Observer",
            ["Input.Language"] = "fr",
        });
        var mail = await Smtp.WaitForMessageToAsync(invitee, MailWait);

        using var person = HtmlClient.For(Factory, "en");
        var welcome = await person.SubmitAsync(await person.GetAsync(mail.LinkTo("/account/accept-invitation")), "#create-account", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Odile Observatrice",
            ["Input.NewPassword"] = "Northern-Lights-Over-Tromso",
            ["Input.ConfirmPassword"] = "Northern-Lights-Over-Tromso",
        });

        Assert.Equal("/my", welcome.Url);
        Assert.Equal("fr", welcome.Document.DocumentElement.GetAttribute("lang"));
        Assert.StartsWith("Bienvenue", welcome.Text("main .notice"), StringComparison.Ordinal);
        Assert.Equal("Se déconnecter", welcome.Text("header form[action='/account/sign-out'] button"));
    }
}
