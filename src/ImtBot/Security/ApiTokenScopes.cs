namespace ImtBot.Security;

/// <summary>What a token may do: <c>read</c> as a viewer, <c>write</c> as a responder, <c>admin</c> as an admin.</summary>
public static class ApiTokenScopes
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Admin = "admin";

    public static readonly string[] All = [Read, Write, Admin];

    public static string RoleOf(string scope) => scope switch
    {
        Admin => Roles.Admin,
        Write => Roles.Responder,
        _ => Roles.Viewer,
    };
}
