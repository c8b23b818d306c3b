using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImtBot.Teams.Activities;

/// <summary><c>from</c> / <c>recipient</c> / a mentioned user: <c>29:…</c> users carry <c>aadObjectId</c>; the bot is <c>28:{appId}</c>.</summary>
internal sealed class ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
