namespace ImtBot.Security;

/// <summary>The <c>Auth:Oidc</c> section: the OpenID Connect provider people sign in with.</summary>
public sealed class OidcSignInOptions
{
    /// <summary>The issuer, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>; HTTPS only.</summary>
    /// <value>The default is unset: no sign-in.</value>
    public string? Authority { get; set; }

    /// <summary>The client (application) id registered with the provider.</summary>
    /// <value>The default is unset.</value>
    public string? ClientId { get; set; }

    /// <summary>The client secret registered with the provider (a secret: never logged).</summary>
    /// <value>The default is unset.</value>
    public string? ClientSecret { get; set; }

    /// <summary>The claim that carries a person's roles or groups, e.g. <c>roles</c> (Entra ID app roles) or <c>groups</c>.</summary>
    /// <value>The default is <c>roles</c>.</value>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim shown as the person's name.</summary>
    /// <value>The default is <c>name</c>.</value>
    public string NameClaim { get; set; } = "name";

    /// <summary>Extra scopes to ask for besides <c>openid profile</c>.</summary>
    /// <value>The default is none.</value>
    public List<string> Scopes { get; set; } = [];

    /// <summary>How long a sign-in lasts without activity.</summary>
    /// <value>The default is 8 hours.</value>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);
}
