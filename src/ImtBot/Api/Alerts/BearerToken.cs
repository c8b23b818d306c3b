using System.Security.Cryptography;
using System.Text;

namespace ImtBot.Api.Alerts;

/// <summary>Checks <c>Authorization: Bearer &lt;token&gt;</c> in constant time (hashes first, so not even the length leaks).</summary>
internal static class BearerToken
{
    public static bool Matches(HttpRequest request, string expected)
    {
        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (expected.Length == 0 || !header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var given = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        var wanted = SHA256.HashData(Encoding.UTF8.GetBytes(expected));
        return CryptographicOperations.FixedTimeEquals(given, wanted);
    }
}
