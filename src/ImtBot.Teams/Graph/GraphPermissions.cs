namespace ImtBot.Teams.Graph;

/// <summary>
/// The Microsoft Graph permissions each call needs (docs/protocols.md §Graph channels). The <c>.Group</c> ones are
/// resource-specific consent the app package asks for; <see cref="ChannelArchive"/> is an application permission an
/// admin grants in Entra. Named in log lines when Graph answers 403, so the operator knows what to grant.
/// </summary>
public static class GraphPermissions
{
    /// <summary><c>POST teams/{id}/channels</c>.</summary>
    public const string ChannelCreate = "Channel.Create.Group";

    /// <summary><c>GET teams/{id}/channels?$filter=…</c> (finding an incident's channel again).</summary>
    public const string ChannelRead = "ChannelSettings.Read.Group";

    /// <summary><c>GET teams/{id}/channels/{id}/messages</c> (finding a card an earlier attempt posted).</summary>
    public const string MessageRead = "ChannelMessage.Read.Group";

    /// <summary><c>POST teams/{id}/channels/{id}/archive</c> (application permission; there is no RSC one).</summary>
    public const string ChannelArchive = "ChannelSettings.ReadWrite.All";

    /// <summary><c>POST chats</c> (a private incident's group chat; application permission).</summary>
    public const string ChatCreate = "Chat.Create";

    /// <summary><c>POST chats/{id}/installedApps</c> (the bot joins the private incident's chat; application permission).</summary>
    public const string ChatInstallApp = "TeamsAppInstallation.ReadWriteSelfForChat.All";

    /// <summary><c>POST chats/{id}/members</c> (people invited to a private incident later; application permission).</summary>
    public const string ChatMemberAdd = "ChatMember.ReadWrite.All";

    /// <summary>The resource-specific permissions the app package requests.</summary>
    public static IReadOnlyList<string> ResourceSpecific { get; } = [ChannelCreate, ChannelRead, MessageRead];
}
