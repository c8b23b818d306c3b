using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ImtBot.Security;

/// <summary>
/// The local demo's "sign-in": while the host listens on loopback only and no <c>Auth</c> is configured, whoever
/// reaches it is on this machine and gets every role, as before sign-in existed. In any other mode it signs in no one.
/// </summary>
public sealed class LocalDemoAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, WebSurface surface)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "LocalDemo";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // A loopback Host too: a page elsewhere that rebinds its own name to 127.0.0.1 reaches this port with its own name.
        if (surface.Mode != WebSurfaceMode.LocalDemo || !ListenAddress.IsLoopback($"http://{Request.Host}"))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        Claim[] claims = [new(ClaimTypes.Name, "local"), .. Roles.Including(Roles.Admin).Select(r => new Claim(ClaimTypes.Role, r))];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
