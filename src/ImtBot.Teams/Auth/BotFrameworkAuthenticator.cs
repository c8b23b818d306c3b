using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ImtBot.Teams.Auth;

/// <summary>
/// Validates Bot Connector → bot requests exactly as docs/protocols.md §Teams inbound says: <c>Bearer</c> JWT, issuer
/// <c>https://api.botframework.com</c>, audience the App ID, RS256, 5-minute skew, signing key from the OpenID
/// metadata; then the key's endorsements must contain the activity's channelId (403) and the <c>serviceurl</c> claim
/// must equal the activity's serviceUrl (401).
/// </summary>
internal sealed class BotFrameworkAuthenticator(SigningKeySource keySource, IOptions<TeamsOptions> options, TimeProvider time)
{
    private const int MaxTokenLength = 16 * 1024;
    private const int MaxCachedTokens = 1024;
    private static readonly TimeSpan Skew = TimeSpan.FromMinutes(5);
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    // The Bot Connector reuses one token for many requests: a token whose signature and claims were verified is
    // remembered (by its exact text) and only its lifetime is checked again.
    private readonly ConcurrentDictionary<string, TokenCheck> verified = new(StringComparer.Ordinal);

    /// <summary>Step 1: the header and the token (signature, issuer, audience, algorithm, lifetime).</summary>
    public async Task<TokenCheck> ValidateTokenAsync(string? authorization, CancellationToken cancellationToken)
    {
        var parts = authorization?.Split(' ');
        if (parts is not { Length: 2 } || parts[0] != "Bearer" || parts[1].Length is 0 or > MaxTokenLength)
        {
            return TokenCheck.Fail("missing or malformed Authorization header");
        }

        if (verified.TryGetValue(parts[1], out var known))
        {
            return IsLive(known.Token!) ? known : TokenCheck.Fail("token expired");
        }

        JsonWebToken token;
        try
        {
            token = new JsonWebToken(parts[1]);
        }
        catch (ArgumentException)
        {
            return TokenCheck.Fail("token is not a JWT");
        }

        // Cheap checks first: never fetch keys for a token that cannot be ours.
        if (!string.Equals(token.Issuer, TeamsConstants.Issuer, StringComparison.Ordinal))
        {
            return TokenCheck.Fail("issuer is not the Bot Framework");
        }

        if (!string.Equals(token.Alg, SecurityAlgorithms.RsaSha256, StringComparison.Ordinal) || string.IsNullOrEmpty(token.Kid))
        {
            return TokenCheck.Fail("token is not RS256 with a key id");
        }

        var keys = await keySource.GetAsync(cancellationToken);
        if (!keys.Keys.ContainsKey(token.Kid))
        {
            keys = await keySource.GetForUnknownKeyAsync(cancellationToken);
            if (!keys.Keys.ContainsKey(token.Kid))
            {
                return TokenCheck.Fail("unknown signing key");
            }
        }

        var result = await handler.ValidateTokenAsync(token, Parameters(keys.Keys[token.Kid]));
        if (!result.IsValid)
        {
            return TokenCheck.Fail(result.Exception?.GetType().Name ?? "invalid token");
        }

        var check = new TokenCheck(token, keys, 0, null);
        if (verified.Count >= MaxCachedTokens)
        {
            verified.Clear();
        }

        verified[parts[1]] = check;
        return check;
    }

    private bool IsLive(JsonWebToken token)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now <= token.ValidTo + Skew && now >= token.ValidFrom - Skew;
    }

    /// <summary>Step 2: what the token says about the activity it came with.</summary>
    public static TokenCheck CheckActivity(TokenCheck check, string? channelId, string? serviceUrl)
    {
        if (!check.Succeeded)
        {
            return check;
        }

        var token = check.Token!;
        if (!check.Keys.IsEndorsed(token.Kid, channelId))
        {
            return TokenCheck.Fail("signing key is not endorsed for the channel", 403);
        }

        var claim = token.TryGetPayloadValue<string>("serviceurl", out var value) ? value : null;
        if (string.IsNullOrEmpty(claim) || !string.Equals(claim, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return TokenCheck.Fail("serviceurl claim does not match the activity");
        }

        return check;
    }

    private TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidIssuer = TeamsConstants.Issuer,
        ValidAudience = options.Value.AppId,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        IssuerSigningKey = key,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateIssuerSigningKey = true,
        ValidateLifetime = true,
        ClockSkew = Skew,
        LifetimeValidator = ValidateLifetime,
    };

    /// <summary>exp required, nbf optional, 5 minutes of skew either way, on the injected clock.</summary>
    private bool ValidateLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return expires is { } exp
            && now <= exp.ToUniversalTime() + parameters.ClockSkew
            && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - parameters.ClockSkew)
            && (notBefore is not { } start || start <= exp);
    }
}
