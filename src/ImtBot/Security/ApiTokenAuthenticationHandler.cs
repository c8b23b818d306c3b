using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ImtBot.Security;

/// <summary>
/// <c>Authorization: Bearer imt_…</c>: a live API token signs the request in with its scope's role. A token acts as
/// automation, never as a person, so the console (which acts as someone) refuses it (<see cref="Policies.Console"/>).
/// </summary>
public sealed class ApiTokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiTokenStore tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    /// <summary>
    /// Whether a request carries an ImtBot API token (and so is authenticated by this scheme alone). Other bearer tokens
    /// (the Bot Framework's on <c>/api/messages</c>) are not ours: their endpoints check them.
    /// </summary>
    public static bool Carries(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer " + ApiTokenStore.Prefix, StringComparison.Ordinal);

    public static bool IsToken(ClaimsPrincipal user) => user.Identity?.AuthenticationType == SchemeName;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Carries(Request))
        {
            return AuthenticateResult.NoResult();
        }

        var presented = Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
        if (await tokens.AuthenticateAsync(presented, Context.RequestAborted) is not { } token)
        {
            // Says nothing about why: unknown, revoked and malformed look the same.
            return AuthenticateResult.Fail("The API token is not valid.");
        }

        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, "token:" + token.Id),
            new(ClaimTypes.Name, "token " + token.Name),
            .. Roles.Including(ApiTokenScopes.RoleOf(token.Scope)).Select(r => new Claim(ClaimTypes.Role, r)),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
