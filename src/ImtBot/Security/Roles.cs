namespace ImtBot.Security;

/// <summary>The three roles of the web surface; each includes the ones before it.</summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Responder = "responder";
    public const string Admin = "admin";

    /// <summary>A role and every role it includes, as role claims: an admin is also a responder and a viewer.</summary>
    public static IReadOnlyList<string> Including(string role) => role switch
    {
        Admin => [Admin, Responder, Viewer],
        Responder => [Responder, Viewer],
        Viewer => [Viewer],
        _ => [],
    };
}
