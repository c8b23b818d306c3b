using Microsoft.Extensions.Options;

namespace ImtBot.Teams.Connector;

/// <summary>
/// The Bot Framework's limit per app per tenant: 30 Connector requests per second (<c>Teams:TenantRequestsPerSecond</c>)
/// across all of the tenant's conversations, sends, edits, new conversations and reads alike. Under it the per
/// conversation limits still apply: one busy conversation cannot take the tenant's whole second, but many quiet ones
/// together can. Requests to different conversations are in flight together (each counts until it is answered), so the
/// tenant's limit is not cut down to one request per round trip; excess requests queue in order, and an outbox step
/// whose turn is far off gives its dispatcher slot back (<see cref="TeamsPacing"/>).
/// </summary>
internal sealed class TenantRateLimiter(IOptions<TeamsOptions> options, TimeProvider time, TeamsPacing pacing)
{
    private readonly SlidingWindowLimiter limiter = new(
        time,
        [new(options.Value.TenantRequestsPerSecond, TimeSpan.FromSeconds(1))],
        queueLimit: 10_000,
        "tenant",
        pacing,
        oneAtATime: false);

    /// <summary>Waits for a turn for a request to <paramref name="serviceUrl"/>; dispose the lease once it has been answered.</summary>
    public Task<SlidingWindowLimiter.Lease> AcquireAsync(string serviceUrl, CancellationToken cancellationToken) =>
        limiter.AcquireAsync(TenantOf(serviceUrl), cancellationToken);

    /// <summary>
    /// The tenant a service URL serves: Teams gives each tenant its own (<c>https://smba.trafficmanager.net/amer/{tenant id}/</c>).
    /// A service URL without a tenant id is keyed as a whole, so tenants that share it share one budget: stricter
    /// than Teams, never looser.
    /// </summary>
    internal static string TenantOf(string serviceUrl)
    {
        var path = serviceUrl.TrimEnd('/');
        var last = path[(path.LastIndexOf('/') + 1)..];
        return Guid.TryParse(last, out var tenant) ? tenant.ToString("D") : path.ToLowerInvariant();
    }
}
