using RcpHub.Features.Account;

namespace RcpHub.Tests.Features.Account;

public sealed class CommonPasswordListTests
{
    [Fact]
    public void The_block_list_holds_thousands_of_long_common_passwords()
    {
        Assert.True(CommonPasswordValidator.Count >= 10_000, $"Only {CommonPasswordValidator.Count} passwords in the list.");
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234")]
    [InlineData("QWERTYUIOP123")]
    [InlineData("1qaz2wsx3edc")]
    [InlineData(" qwertyuiop123 ")]
    public void Common_passwords_are_found_whatever_their_case(string password) => Assert.True(CommonPasswordValidator.IsCommon(password));

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("Quiet-Harbour-Lantern-1987")]
    public void Uncommon_passphrases_are_not(string password) => Assert.False(CommonPasswordValidator.IsCommon(password));

    [Fact]
    public void Shared_keys_are_shown_in_groups_of_four() =>
        Assert.Equal("abcd efgh ijkl mnop qr", TwoFactorModel.FormatKey("ABCDEFGHIJKLMNOPQR"));
}
