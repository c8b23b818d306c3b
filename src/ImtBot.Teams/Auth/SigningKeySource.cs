using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ImtBot.Teams.Auth;

/// <summary>
/// Fetches the OpenID metadata, then its <c>jwks_uri</c>, and parses the keys together with their <c>endorsements</c>
/// (which IdentityModel does not expose). Refreshed every 12 hours, and on an unknown <c>kid</c> at most once per 5 minutes.
/// </summary>
internal sealed class SigningKeySource(IHttpClientFactory http, IOptions<TeamsOptions> options, TimeProvider time, ILogger<SigningKeySource> log)
{
    internal static readonly TimeSpan RefreshInterval = TimeSpan.FromHours(12);
    internal static readonly TimeSpan ForcedRefreshInterval = TimeSpan.FromMinutes(5);
    internal static readonly TimeSpan FailedRetryInterval = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim gate = new(1, 1);
    private SigningKeySet current = SigningKeySet.Empty;
    private DateTimeOffset lastForced = DateTimeOffset.MinValue;
    private DateTimeOffset lastFailure = DateTimeOffset.MinValue;

    public int FetchCount { get; private set; }

    public async Task<SigningKeySet> GetAsync(CancellationToken cancellationToken)
    {
        var keys = current;
        var now = time.GetUtcNow();
        if (now - keys.FetchedAt < RefreshInterval || now - lastFailure < FailedRetryInterval)
        {
            return keys; // fresh, or the metadata endpoint just failed: do not hammer it
        }

        return await RefreshAsync(force: false, cancellationToken);
    }

    /// <summary>A token named a key we do not know: refetch, unless we did so in the last 5 minutes.</summary>
    public async Task<SigningKeySet> GetForUnknownKeyAsync(CancellationToken cancellationToken)
    {
        if (time.GetUtcNow() - lastForced < ForcedRefreshInterval)
        {
            return current;
        }

        return await RefreshAsync(force: true, cancellationToken);
    }

    private async Task<SigningKeySet> RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        var seen = current;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!ReferenceEquals(seen, current) && current != SigningKeySet.Empty)
            {
                return current; // another request refreshed while we waited
            }

            if (force)
            {
                lastForced = time.GetUtcNow();
            }

            try
            {
                current = await FetchAsync(cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Keep the keys we had; requests signed with unknown keys get 401 until the metadata answers again.
                lastFailure = time.GetUtcNow();
                TeamsLog.SigningKeysFailed(log, e);
            }

            return current;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<SigningKeySet> FetchAsync(CancellationToken cancellationToken)
    {
        FetchCount++;
        var client = http.CreateClient(TeamsConstants.OpenIdClient);
        using var metadata = JsonDocument.Parse(await client.GetStringAsync(options.Value.OpenIdMetadataUrl, cancellationToken));
        var jwksUri = metadata.RootElement.GetProperty("jwks_uri").GetString()
            ?? throw new JsonException("OpenID metadata has no jwks_uri");
        var jwksJson = await client.GetStringAsync(jwksUri, cancellationToken);

        var set = new JsonWebKeySet(jwksJson);
        var keys = new Dictionary<string, SecurityKey>(StringComparer.Ordinal);
        foreach (var key in set.GetSigningKeys())
        {
            if (!string.IsNullOrEmpty(key.KeyId))
            {
                keys[key.KeyId] = key;
            }
        }

        var endorsements = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        using var jwks = JsonDocument.Parse(jwksJson);
        foreach (var key in jwks.RootElement.GetProperty("keys").EnumerateArray())
        {
            if (key.TryGetProperty("kid", out var kid) && kid.GetString() is { } id
                && key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                endorsements[id] = list.EnumerateArray().Select(e => e.GetString() ?? "").ToHashSet(StringComparer.Ordinal);
            }
        }

        TeamsLog.SigningKeysLoaded(log, keys.Count);
        return new SigningKeySet(keys, endorsements, time.GetUtcNow());
    }
}
