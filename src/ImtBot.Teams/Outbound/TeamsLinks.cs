namespace ImtBot.Teams.Outbound;

/// <summary>The link keys (external ids) Teams stores per incident.</summary>
public static class TeamsLinks
{
    /// <summary>The incident's channel id (<c>19:…@thread.tacv2</c>), or the thread id when channel creation fell back to a thread.</summary>
    public const string Channel = "teams:channel";

    /// <summary><c>channel</c> (a Graph-created channel) or <c>thread</c> (a thread in an existing channel or chat).</summary>
    public const string ChannelMode = "teams:channelMode";

    /// <summary>The activity id of the incident card.</summary>
    public const string Activity = "teams:activity";

    /// <summary>The conversation (thread) the incident card lives in, for <c>PUT</c> updates.</summary>
    public const string CardConversation = "teams:cardConversation";

    /// <summary>The Microsoft 365 group id of the team the incident's channel was created in (one of <c>Teams:IncidentTeamIds</c>).</summary>
    public const string Team = "teams:team";

    public const string ModeChannel = "channel";
    public const string ModeThread = "thread";

    /// <summary>A private incident's group chat (or the declarer's 1:1 chat with the bot).</summary>
    public const string ModeChat = "chat";

    /// <summary>The activity id of a page card in the person's 1:1 chat.</summary>
    public static string Page(string pageId) => "teams:page:" + pageId;

    /// <summary>The 1:1 conversation a page card was sent to, for <c>PUT</c> updates once the page is answered.</summary>
    public static string PageConversation(string pageId) => "teams:pageConversation:" + pageId;
}
