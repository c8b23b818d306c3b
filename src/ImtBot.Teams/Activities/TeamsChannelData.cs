using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImtBot.Teams.Activities;

/// <summary>Teams <c>channelData</c>: <c>team.id</c> is the General channel's <c>19:</c> id; Graph needs <c>team.aadGroupId</c>.</summary>
internal sealed class TeamsChannelData
{
    public string? EventType { get; set; }
    public TeamsIdName? Tenant { get; set; }
    public TeamsIdName? Team { get; set; }
    public TeamsIdName? Channel { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
