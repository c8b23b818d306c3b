using System.Text.Json;

namespace ImtBot.Slack.WebApi;

/// <summary>The parts of a conversation object the bot reads.</summary>
public sealed record SlackChannel(string Id, string Name, string Topic, string Purpose, string? Creator, bool IsArchived)
{
    public static SlackChannel From(JsonElement c) => new(
        c.GetProperty("id").GetString()!,
        c.Str("name") ?? "",
        c.TryGetProperty("topic", out var t) ? t.Str("value") ?? "" : "",
        c.TryGetProperty("purpose", out var p) ? p.Str("value") ?? "" : "",
        c.Str("creator"),
        c.TryGetProperty("is_archived", out var a) && a.ValueKind == JsonValueKind.True);
}
