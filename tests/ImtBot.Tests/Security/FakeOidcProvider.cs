using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Web;
using ImtBot.Teams.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ImtBot.Tests.Security;

/// <summary>
/// An OpenID Connect provider (as Entra ID, Okta or Keycloak behave) on the same in-process HTTPS fake the Teams tests
/// use for Microsoft's authority: discovery, JWKS and a token endpoint that redeems a one-time code for an ID token
/// signed with a per-test RSA key, checking the client secret and the PKCE verifier.
/// </summary>
public sealed class FakeOidcProvider
{
    public const string Authority = "https://login.oidc.test/tenant-1/v2.0";
    public const string ClientId = "imtbot-web-client";
    public const string ClientSecret = "oidc-client-secret-value-7f3a";

    private readonly ConcurrentDictionary<string, (JsonObject Claims, string Challenge)> codes = new();
    private readonly RsaSecurityKey key = BotFrameworkIssuer.NewKey("oidc-key-1");

    public FakeOidcProvider(FakeHttp http)
    {
        http.On(HttpMethod.Get, Authority + "/.well-known/openid-configuration", HttpStatusCode.OK, new JsonObject
        {
            ["issuer"] = Authority,
            ["authorization_endpoint"] = Authority + "/authorize",
            ["token_endpoint"] = Authority + "/token",
            ["jwks_uri"] = Authority + "/keys",
            ["end_session_endpoint"] = Authority + "/logout",
            ["response_types_supported"] = new JsonArray("code"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }.ToJsonString());
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
        http.On(HttpMethod.Get, Authority + "/keys", HttpStatusCode.OK,
            new JsonObject { ["keys"] = new JsonArray(new JsonObject { ["kty"] = "RSA", ["use"] = "sig", ["kid"] = key.KeyId, ["n"] = jwk.N, ["e"] = jwk.E }) }.ToJsonString());
        http.On(HttpMethod.Post, Authority + "/token", Redeem);
    }

    /// <summary>The person signs in at the provider: returns the code the provider hands back to <c>redirect_uri</c>.</summary>
    public string SignIn(Uri authorize, string login, string name, params string[] roles)
    {
        var query = HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal(ClientId, query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        var code = Guid.NewGuid().ToString("N");
        var claims = new JsonObject
        {
            ["sub"] = "sub-" + login,
            ["preferred_username"] = login,
            ["name"] = name,
            ["nonce"] = query["nonce"],
            ["roles"] = new JsonArray(roles.Select(r => (JsonNode)r).ToArray()),
        };
        codes[code] = (claims, query["code_challenge"]!);
        return code;
    }

    private HttpResponseMessage Redeem(RecordedRequest request)
    {
        var form = HttpUtility.ParseQueryString(request.Body);
        if (form["client_secret"] != ClientSecret || form["client_id"] != ClientId || !codes.TryRemove(form["code"] ?? "", out var granted)
            || Base64UrlEncoder.Encode(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(form["code_verifier"] ?? ""))) != granted.Challenge)
        {
            return FakeHttp.Json(HttpStatusCode.BadRequest, """{"error":"invalid_grant"}""");
        }

        // Valid around the real clock: the handler checks the nonce's age with it.
        var now = DateTime.UtcNow;
        var token = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = ClientId,
            Claims = granted.Claims.ToDictionary(p => p.Key, p => (object)(p.Value is JsonArray a ? a.Select(v => (string)v!).ToArray() : (string)p.Value!)),
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
        return FakeHttp.Json(HttpStatusCode.OK, new JsonObject { ["id_token"] = token, ["access_token"] = "opaque-access-token", ["token_type"] = "Bearer", ["expires_in"] = 3600 }.ToJsonString());
    }
}
