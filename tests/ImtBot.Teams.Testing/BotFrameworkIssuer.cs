using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ImtBot.Teams.Testing;

/// <summary>
/// Plays the Bot Framework token service: an RSA key generated per test, OpenID metadata and a JWKS with
/// <c>endorsements</c> served by <see cref="FakeHttp"/>, and tokens signed as the Bot Connector signs them.
/// </summary>
public sealed class BotFrameworkIssuer
{
    public const string MetadataUrl = "https://login.botframework.test/v1/.well-known/openidconfiguration";
    public const string JwksUrl = "https://login.botframework.test/v1/.well-known/keys";
    public const string Issuer = "https://api.botframework.com";

    private readonly List<(RsaSecurityKey Key, string[] Endorsements)> published = [];

    public BotFrameworkIssuer(FakeHttp http)
    {
        Key = NewKey("key-1");
        Publish(Key, "msteams");
        http.On(HttpMethod.Get, MetadataUrl, HttpStatusCode.OK, $$"""{"issuer":"{{Issuer}}","jwks_uri":"{{JwksUrl}}","id_token_signing_alg_values_supported":["RS256"]}""");
        http.On(HttpMethod.Get, JwksUrl, _ => FakeHttp.Json(HttpStatusCode.OK, Jwks()));
    }

    public RsaSecurityKey Key { get; }

    public static RsaSecurityKey NewKey(string kid) => new(RSA.Create(2048)) { KeyId = kid };

    public void Publish(RsaSecurityKey key, params string[] endorsements) => published.Add((key, endorsements));

    public string Jwks()
    {
        var keys = new JsonArray();
        foreach (var (key, endorsements) in published)
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
            var entry = new JsonObject { ["kty"] = "RSA", ["use"] = "sig", ["kid"] = key.KeyId, ["n"] = jwk.N, ["e"] = jwk.E };
            if (endorsements.Length > 0)
            {
                entry["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e).ToArray());
            }

            keys.Add(entry);
        }

        return new JsonObject { ["keys"] = keys }.ToJsonString();
    }

    /// <summary>A token as the Bot Connector sends it; each argument mutates one field for a negative test.</summary>
    public string Token(
        DateTimeOffset now,
        string audience,
        string? serviceUrl,
        string issuer = Issuer,
        TimeSpan? expiresIn = null,
        SecurityKey? key = null,
        string algorithm = SecurityAlgorithms.RsaSha256)
    {
        var claims = new Dictionary<string, object>();
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var expires = now + (expiresIn ?? TimeSpan.FromMinutes(60));
        var notBefore = expires < now ? expires - TimeSpan.FromHours(1) : now - TimeSpan.FromMinutes(1);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = notBefore.UtcDateTime,
            NotBefore = notBefore.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key ?? Key, algorithm),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) naming our key id.</summary>
    public static string UnsignedToken(DateTimeOffset now, string audience, string serviceUrl)
    {
        static string B64(string s) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(s));
        var header = B64("""{"alg":"none","typ":"JWT","kid":"key-1"}""");
        var payload = B64(new JsonObject
        {
            ["iss"] = Issuer,
            ["aud"] = audience,
            ["serviceurl"] = serviceUrl,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        }.ToJsonString());
        return $"{header}.{payload}.";
    }

    /// <summary>An HS256 token whose secret is our RSA key's public modulus (the classic key-confusion attack).</summary>
    public string SymmetricToken(DateTimeOffset now, string audience, string serviceUrl)
    {
        var secret = new SymmetricSecurityKey(Key.Rsa.ExportParameters(false).Modulus!) { KeyId = Key.KeyId };
        return Token(now, audience, serviceUrl, key: secret, algorithm: SecurityAlgorithms.HmacSha256);
    }
}
