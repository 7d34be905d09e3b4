using RcpHub.Features.Manage;

namespace RcpHub.Tests.Features.Manage;

public sealed class WebAddressTests
{
    [Theory]
    [InlineData("https://www.iom.int/midsa", true)]
    [InlineData("http://example.org/a?b=c", true)]
    [InlineData("  https://example.org  ", true)]
    [InlineData("www.sadc.int/midsa", false)]
    [InlineData("ftp://example.org/file", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("mailto:secretariat@example.org", false)]
    [InlineData("/relative/path", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void A_source_is_a_full_http_or_https_address(string? url, bool valid) =>
        Assert.Equal(valid, ProfileCommands.IsWebAddress(url));
}
