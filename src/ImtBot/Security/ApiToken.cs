namespace ImtBot.Security;

/// <summary>A stored API token: its SHA-256 hash only; the token itself is shown once, when created.</summary>
public sealed class ApiToken
{
    /// <summary>A short public id, e.g. <c>tok_3f9a1c2b</c>, for listing and revoking.</summary>
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary><c>read</c>, <c>write</c> or <c>admin</c> (<see cref="ApiTokenScopes"/>).</summary>
    public string Scope { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the token.</summary>
    public string Hash { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastUsedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }
}
