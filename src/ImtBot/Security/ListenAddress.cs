using System.Net;

namespace ImtBot.Security;

/// <summary>Whether an address the server listens on (as Kestrel reports it) can be reached from this machine only.</summary>
public static class ListenAddress
{
    /// <summary>
    /// True for <c>localhost</c> and loopback IPs. Anything else — a wildcard (<c>0.0.0.0</c>, <c>[::]</c>, <c>+</c>,
    /// <c>*</c>), a host name, a Unix socket a proxy may forward to — counts as beyond loopback.
    /// </summary>
    public static bool IsLoopback(string address)
    {
        if (!Uri.TryCreate(address.Replace("://+", "://wildcard.invalid").Replace("://*", "://wildcard.invalid"), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https"))
        {
            return false;
        }

        return uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
