using Microsoft.Extensions.Options;

namespace ImtBot.Teams.Connector;

/// <summary>
/// Only serviceUrls on <c>Teams:ConnectorAllowedHosts</c> get the bot token (the old SDK's TrustServiceUrl): scheme,
/// host and port must all match — https, an allowed host, and port 443 unless the entry names another
/// (<c>host:8443</c>). Comparing the host alone let a serviceUrl <c>https://{allowed host}:{any port}/</c> point the bot,
/// token and all, at whatever listens on that port.
/// URLs are built relative to the base, which must end with <c>/</c>, so <c>/amer/{tid}/</c> is kept.
/// </summary>
internal sealed class ServiceUrlPolicy(IOptions<TeamsOptions> options)
{
    public bool IsTrusted(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && string.IsNullOrEmpty(uri.UserInfo)
        && options.Value.ConnectorAllowedHosts.Any(h => Matches(h, uri));

    /// <summary><c>{serviceUrl}/v3/…</c> with the relative path appended; throws when the host is not trusted.</summary>
    public Uri Build(string serviceUrl, string relativePath)
    {
        if (!IsTrusted(serviceUrl))
        {
            throw new ConnectorException($"serviceUrl host and port are not in Teams:ConnectorAllowedHosts: {SafeHost(serviceUrl)}", 0);
        }

        var baseUri = new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/");
        return new Uri(baseUri, relativePath.TrimStart('/'));
    }

    /// <summary>An entry is a host name, or <c>host:port</c>; as an https authority it must equal the URL's host and port.</summary>
    private static bool Matches(string allowed, Uri uri) =>
        Uri.TryCreate(Uri.UriSchemeHttps + "://" + allowed.Trim(), UriKind.Absolute, out var entry)
        && string.Equals(entry.Host, uri.Host, StringComparison.OrdinalIgnoreCase)
        && entry.Port == uri.Port;

    private static string SafeHost(string serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var u) ? $"{u.Scheme}://{u.Host}:{u.Port}" : "(not a URL)";
}
