using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImtBot.Teams.Activities;

/// <summary>JSON settings for the Bot Framework wire format: camelCase, nulls left out, bounded depth.</summary>
internal static class ActivityJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        MaxDepth = 64,
    };
}
