using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImtBot.Teams.Activities;

/// <summary>An entry of <c>entities</c>; mentions are <c>{type:"mention", text:"&lt;at&gt;Name&lt;/at&gt;", mentioned:{id,name}}</c>.</summary>
internal sealed class ActivityEntity
{
    public string? Type { get; set; }
    public string? Text { get; set; }
    public ChannelAccount? Mentioned { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
