namespace ImtBot.Slack.Inbound;

/// <summary>The fields of a slash command the bot reads (form fields over HTTP, JSON properties over Socket Mode).</summary>
public sealed record SlashCommand(string Command, string Text, string UserId, string UserName, string ChannelId, string TriggerId)
{
    public static SlashCommand From(Func<string, string?> field) => new(
        field("command") ?? "",
        field("text") ?? "",
        field("user_id") ?? "",
        field("user_name") ?? field("user_id") ?? "",
        field("channel_id") ?? "",
        field("trigger_id") ?? "");

    public bool IsValid => UserId.Length > 0 && ChannelId.Length > 0 && TriggerId.Length > 0;
}
