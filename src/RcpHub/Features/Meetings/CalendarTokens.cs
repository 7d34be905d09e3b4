using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace RcpHub.Features.Meetings;

/// <summary>Secret calendar addresses: 256 random bits, of which only a SHA-256 hash is stored (a leaked database
/// does not reveal working addresses; the token itself has enough entropy that no slow hash is needed).</summary>
public static class CalendarTokens
{
    public static string New() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
