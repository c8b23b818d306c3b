namespace ImtBot.Tests.Teams;

/// <summary>A Teams user as activities carry them: the <c>29:</c> id, the display name and the Entra object id.</summary>
public sealed record TeamsUser(string Id, string Name, string AadObjectId)
{
    public static TeamsUser Alice { get; } = new("29:alice", "Alice", "aad-alice");

    public static TeamsUser Bob { get; } = new("29:bob", "Bob", "aad-bob");
}
