using Microsoft.Extensions.Options;

namespace ImtBot.Teams.Connector;

/// <summary>
/// Only serviceUrls on <c>Teams:ConnectorAllowedHosts</c> (https) get the bot token (the old SDK's TrustServiceUrl).
/// URLs are built relative to the base, which must end with <c>/</c>, so <c>/amer/{tid}/</c> is kept.
/// </summary>
internal sealed class ServiceUrlPolicy(IOptions<TeamsOptions> options)
{
    public bool IsTrusted(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttps
        && string.IsNullOrEmpty(uri.UserInfo)
        && options.Value.ConnectorAllowedHosts.Any(h => string.Equals(h, uri.Host, StringComparison.OrdinalIgnoreCase));

    /// <summary><c>{serviceUrl}/v3/…</c> with the relative path appended; throws when the host is not trusted.</summary>
    public Uri Build(string serviceUrl, string relativePath)
    {
        if (!IsTrusted(serviceUrl))
        {
            throw new ConnectorException($"serviceUrl host is not in Teams:ConnectorAllowedHosts: {SafeHost(serviceUrl)}", 0);
        }

        var baseUri = new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/");
        return new Uri(baseUri, relativePath.TrimStart('/'));
    }

    private static string SafeHost(string serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var u) ? u.Host : "(not a URL)";
}
