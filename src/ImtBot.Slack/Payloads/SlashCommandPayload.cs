using System.Text.Json.Serialization;

namespace ImtBot.Slack.Payloads;

/// <summary>
/// A slash command: form fields over HTTP (<see cref="FromForm"/>), the same names as JSON properties in a Socket Mode
/// <c>slash_commands</c> envelope. Missing ids are not a malformed request: the reply says what is missing.
/// </summary>
public sealed record SlashCommandPayload
{
    public string Command { get; init; } = "";

    public string Text { get; init; } = "";

    public string UserId { get; init; } = "";

    public string? UserName { get; init; }

    public string ChannelId { get; init; } = "";

    public string? ChannelName { get; init; }

    public string? TeamId { get; init; }

    public string TriggerId { get; init; } = "";

    public string? ResponseUrl { get; init; }

    /// <summary>The name to show for the user: <c>user_name</c>, else the id.</summary>
    [JsonIgnore]
    public string DisplayName => string.IsNullOrEmpty(UserName) ? UserId : UserName;

    [JsonIgnore]
    public bool IsValid => UserId.Length > 0 && ChannelId.Length > 0 && TriggerId.Length > 0;

    /// <summary>Reads the form fields of an HTTP slash command (<paramref name="field"/> answers null when absent).</summary>
    public static SlashCommandPayload FromForm(Func<string, string?> field) => new()
    {
        Command = field("command") ?? "",
        Text = field("text") ?? "",
        UserId = field("user_id") ?? "",
        UserName = field("user_name"),
        ChannelId = field("channel_id") ?? "",
        ChannelName = field("channel_name"),
        TeamId = field("team_id"),
        TriggerId = field("trigger_id") ?? "",
        ResponseUrl = field("response_url"),
    };
}
