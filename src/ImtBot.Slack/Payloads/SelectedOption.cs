using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImtBot.Slack.Payloads;

/// <summary>An option picked in a select, overflow, radio or checkbox element; only its <c>value</c> is read.</summary>
public sealed record SelectedOption
{
    public string? Value { get; init; }

    /// <summary>The rest (<c>text</c>, <c>description</c>), kept so that a value written back is the value read.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }
}
