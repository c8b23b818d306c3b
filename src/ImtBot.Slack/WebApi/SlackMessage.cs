using System.Text.Json;

namespace ImtBot.Slack.WebApi;

/// <summary>A message read back from <c>conversations.history</c>; <see cref="Metadata"/> is its <c>metadata</c> object, if any.</summary>
public sealed record SlackMessage(string Ts, string Text, string? User, string? BotId, JsonElement? Metadata)
{
    public static SlackMessage From(JsonElement m) => new(
        m.Str("ts") ?? "",
        m.Str("text") ?? "",
        m.Str("user"),
        m.Str("bot_id"),
        m.TryGetProperty("metadata", out var md) && md.ValueKind == JsonValueKind.Object ? md.Clone() : null);

    /// <summary>The <c>metadata.event_payload.&lt;name&gt;</c> string, if this message carries it.</summary>
    public string? MetadataValue(string name) =>
        Metadata is { } md && md.TryGetProperty("event_payload", out var payload) && payload.ValueKind == JsonValueKind.Object ? payload.Str(name) : null;
}
