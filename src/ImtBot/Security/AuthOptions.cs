namespace ImtBot.Security;

/// <summary>
/// The <c>Auth</c> section: who may use the web surface (console, incidents API, pages). Unset, the host serves the
/// web surface only while it listens on loopback alone (the local demo); set, every request signs in.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Sign-in with an OpenID Connect provider (Microsoft Entra ID, Okta, Google Workspace, Keycloak…).</summary>
    public OidcSignInOptions Oidc { get; set; } = new();

    /// <summary>Which values of the role claim make a person a viewer, a responder or an admin.</summary>
    public RoleMappingOptions Roles { get; set; } = new();

    /// <summary>Whether sign-in is configured: an OIDC authority is set.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Oidc.Authority);
}
