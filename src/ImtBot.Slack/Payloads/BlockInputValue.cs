using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImtBot.Slack.Payloads;

/// <summary>
/// The current value of one input in <c>state.values[block_id][action_id]</c>: <c>value</c> for text inputs,
/// <c>selected_user</c>, <c>selected_option</c>, <c>selected_options</c>; other element kinds stay in <see cref="Extra"/>.
/// </summary>
public sealed record BlockInputValue
{
    public string? Type { get; init; }

    public string? Value { get; init; }

    public string? SelectedUser { get; init; }

    public SelectedOption? SelectedOption { get; init; }

    public List<SelectedOption>? SelectedOptions { get; init; }

    /// <summary>Everything else (dates, channels, rich text…), kept so the submission's digest covers all of it.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    /// <summary>The values picked: <c>selected_option</c> and then every one of <c>selected_options</c>.</summary>
    public IEnumerable<string> Picked()
    {
        if (SelectedOption?.Value is { } one)
        {
            yield return one;
        }

        foreach (var option in SelectedOptions ?? [])
        {
            if (option.Value is { } value)
            {
                yield return value;
            }
        }
    }
}
