namespace ImtBot.Security;

/// <summary>
/// The <c>Auth:Roles</c> section: values of the role claim (<c>Auth:Oidc:RoleClaim</c>) for each role, e.g. Entra ID
/// app role names or group object ids. A person with none of them is signed in but may see nothing.
/// </summary>
public sealed class RoleMappingOptions
{
    /// <summary>Claim values that make a viewer: reads incidents, reviews and insights.</summary>
    /// <value>The default is <c>viewer</c>.</value>
    public List<string> Viewer { get; set; } = [];

    /// <summary>Claim values that make a responder: also acts in the console.</summary>
    /// <value>The default is <c>responder</c>.</value>
    public List<string> Responder { get; set; } = [];

    /// <summary>Claim values that make an admin: also settings, on-call lists, tokens and evidence export.</summary>
    /// <value>The default is <c>admin</c>.</value>
    public List<string> Admin { get; set; } = [];

    internal IReadOnlyList<string> ViewerValues => Viewer.Count > 0 ? Viewer : [Roles.Viewer];

    internal IReadOnlyList<string> ResponderValues => Responder.Count > 0 ? Responder : [Roles.Responder];

    internal IReadOnlyList<string> AdminValues => Admin.Count > 0 ? Admin : [Roles.Admin];
}
