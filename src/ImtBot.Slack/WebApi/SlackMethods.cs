namespace ImtBot.Slack.WebApi;

/// <summary>The Web API methods the bot calls, with their tier (docs/protocols.md §Slack Web API methods, §Slack rate limits).</summary>
public static class SlackMethods
{
    public static readonly SlackMethod AuthTest = new("auth.test", SlackEncoding.Form, 100, Idempotent: true);
    public static readonly SlackMethod AppsConnectionsOpen = new("apps.connections.open", SlackEncoding.Form, 50, Idempotent: true, AppToken: true);

    public static readonly SlackMethod ConversationsCreate = new("conversations.create", SlackEncoding.Form, 20, Idempotent: false);
    public static readonly SlackMethod ConversationsInvite = new("conversations.invite", SlackEncoding.Form, 50, Idempotent: true);
    public static readonly SlackMethod ConversationsSetTopic = new("conversations.setTopic", SlackEncoding.Form, 20, Idempotent: true);
    public static readonly SlackMethod ConversationsSetPurpose = new("conversations.setPurpose", SlackEncoding.Form, 20, Idempotent: true);
    public static readonly SlackMethod ConversationsArchive = new("conversations.archive", SlackEncoding.Form, 20, Idempotent: true);
    public static readonly SlackMethod ConversationsOpen = new("conversations.open", SlackEncoding.Form, 50, Idempotent: true);
    public static readonly SlackMethod ConversationsInfo = new("conversations.info", SlackEncoding.Get, 50, Idempotent: true);
    public static readonly SlackMethod ConversationsList = new("conversations.list", SlackEncoding.Get, 20, Idempotent: true);
    public static readonly SlackMethod ConversationsHistory = new("conversations.history", SlackEncoding.Get, 50, Idempotent: true);

    public static readonly SlackMethod ChatPostMessage = new("chat.postMessage", SlackEncoding.Json, 0, Idempotent: false, PerChannelPerSecond: 1);
    public static readonly SlackMethod ChatUpdate = new("chat.update", SlackEncoding.Json, 50, Idempotent: true);
    public static readonly SlackMethod ChatPostEphemeral = new("chat.postEphemeral", SlackEncoding.Json, 100, Idempotent: false);

    public static readonly SlackMethod ViewsOpen = new("views.open", SlackEncoding.Json, 100, Idempotent: false);

    public static readonly SlackMethod UsersInfo = new("users.info", SlackEncoding.Get, 100, Idempotent: true);

    public static readonly SlackMethod PinsAdd = new("pins.add", SlackEncoding.Form, 20, Idempotent: true);
}
