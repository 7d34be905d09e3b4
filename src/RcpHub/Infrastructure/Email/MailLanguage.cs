using System.Globalization;
using RcpHub.Infrastructure.Localization;

namespace RcpHub.Infrastructure.Email;

/// <summary>Writes a mail in its reader's language, whoever sends it: while the scope is open, localizers and
/// formatting use that culture; the request's own culture comes back on dispose.</summary>
public readonly struct MailLanguage : IDisposable
{
    private readonly CultureInfo _ui;
    private readonly CultureInfo _format;

    private MailLanguage(string language)
    {
        (_ui, _format) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        var culture = CultureInfo.GetCultureInfo(Cultures.OrDefault(language));
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
    }

    public static MailLanguage Use(string? language) => new(language ?? "en");

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _ui;
        CultureInfo.CurrentCulture = _format;
    }
}
