using RcpHub.Domain;

namespace RcpHub.Tests.Domain;

public sealed class SlugsTests
{
    [Theory]
    [InlineData("Bali Process", "bali-process")]
    [InlineData("HLD / IMRF", "hld-imrf")]
    [InlineData("5+5", "5-5")]
    [InlineData("EaP Panel", "eap-panel")]
    [InlineData("IGAD-RCP", "igad-rcp")]
    [InlineData("Türkiye", "turkiye")]
    public void Slug_is_lower_case_letters_digits_and_single_hyphens(string text, string expected) =>
        Assert.Equal(expected, Slugs.From(text));
}
