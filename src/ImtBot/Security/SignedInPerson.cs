using System.Security.Claims;

namespace ImtBot.Security;

/// <summary>
/// The identity a sign-in leaves in the cookie: a console-safe id, the display name and the roles the provider's claim
/// maps to. Nothing else of the provider's token is kept (no access or refresh token).
/// </summary>
public static class SignedInPerson
{
    /// <summary>The authentication type of a signed-in person's identity (the local demo's and a token's differ).</summary>
    public const string AuthenticationType = "oidc";

    /// <summary>Builds the identity from the provider's validated ID token claims; the roles from <paramref name="options"/>.</summary>
    public static ClaimsPrincipal From(ClaimsPrincipal provider, AuthOptions options)
    {
        var claims = provider.Claims.ToList();
        string? First(params string[] types) => types.Select(t => claims.FirstOrDefault(c => c.Type == t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

        var login = First("preferred_username", "email", "upn", "sub") ?? "unknown";
        var name = First(options.Oidc.NameClaim, "name") ?? login;
        var values = claims.Where(c => c.Type == options.Oidc.RoleClaim).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var roles = new HashSet<string>();
        foreach (var (role, mapped) in new[] { (Roles.Viewer, options.Roles.ViewerValues), (Roles.Responder, options.Roles.ResponderValues), (Roles.Admin, options.Roles.AdminValues) })
        {
            if (mapped.Any(values.Contains))
            {
                roles.UnionWith(Roles.Including(role));
            }
        }

        Claim[] kept =
        [
            new(ClaimTypes.NameIdentifier, ConsoleId(login)),
            new(ClaimTypes.Name, name),
            new("sub", First("sub") ?? login),
            .. roles.Select(r => new Claim(ClaimTypes.Role, r)),
        ];
        return new ClaimsPrincipal(new ClaimsIdentity(kept, AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>The signed-in person's console id, when the request was signed in through the provider.</summary>
    public static (string Id, string Name)? Of(ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, AuthenticationType: AuthenticationType } && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? (id, user.FindFirstValue(ClaimTypes.Name) ?? id)
            : null;

    /// <summary>A login such as <c>alice@contoso.com</c> as a console id (letters, digits, '.', '-', '_'): <c>alice-contoso.com</c>.</summary>
    internal static string ConsoleId(string login) =>
        new(login.Trim().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? char.ToLowerInvariant(c) : '-').ToArray());
}
