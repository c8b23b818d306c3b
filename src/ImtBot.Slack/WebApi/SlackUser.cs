using System.Text.Json;

namespace ImtBot.Slack.WebApi;

/// <summary>A workspace member: id and the name people see (display name, else real name, else handle).</summary>
public sealed record SlackUser(string Id, string Name, bool IsBot)
{
    public static SlackUser From(JsonElement u)
    {
        var profile = u.TryGetProperty("profile", out var p) ? p : default;
        var name = new[] { profile.ValueKind == JsonValueKind.Object ? profile.Str("display_name") : null, profile.ValueKind == JsonValueKind.Object ? profile.Str("real_name") : null, u.Str("real_name"), u.Str("name") }
            .FirstOrDefault(n => !string.IsNullOrWhiteSpace(n)) ?? u.GetProperty("id").GetString()!;
        return new(u.GetProperty("id").GetString()!, name, u.TryGetProperty("is_bot", out var b) && b.ValueKind == JsonValueKind.True);
    }
}
