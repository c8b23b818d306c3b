using System.Text.Json;
using ImtBot.Slack.WebApi;

namespace ImtBot.Slack.Inbound;

/// <summary>
/// The declare modal's answers, read from <c>view.state.values</c> by name: the input whose block_id or action_id
/// contains <c>title</c>, <c>sev</c> (option value <c>1</c>…<c>4</c> or <c>sev1</c>…) and <c>drill</c> (checkbox or
/// option value <c>drill</c>). <see cref="TitleBlockId"/> is where errors are shown.
/// </summary>
public sealed record DeclareForm(string Title, int? Severity, bool Drill, string TitleBlockId)
{
    public static DeclareForm Read(JsonElement values)
    {
        string title = "", titleBlock = "title";
        int? severity = null;
        var drill = false;
        if (values.ValueKind != JsonValueKind.Object)
        {
            return new(title, severity, drill, titleBlock);
        }

        foreach (var block in values.EnumerateObject())
        {
            foreach (var action in block.Value.EnumerateObject())
            {
                var name = (block.Name + " " + action.Name).ToLowerInvariant();
                var input = action.Value;
                if (name.Contains("title", StringComparison.Ordinal))
                {
                    title = input.Str("value") ?? "";
                    titleBlock = block.Name;
                }
                else if (name.Contains("sev", StringComparison.Ordinal))
                {
                    severity = ParseSeverity(Selected(input).FirstOrDefault() ?? input.Str("value"));
                }
                else if (name.Contains("drill", StringComparison.Ordinal) || name.Contains("kind", StringComparison.Ordinal))
                {
                    drill = Selected(input).Any(v => v.Contains("drill", StringComparison.OrdinalIgnoreCase) || v is "true" or "yes");
                }
            }
        }

        return new(title, severity, drill, titleBlock);
    }

    private static IEnumerable<string> Selected(JsonElement input)
    {
        if (input.TryGetProperty("selected_option", out var one) && one.ValueKind == JsonValueKind.Object && one.Str("value") is { } v)
        {
            yield return v;
        }

        if (input.TryGetProperty("selected_options", out var many) && many.ValueKind == JsonValueKind.Array)
        {
            foreach (var o in many.EnumerateArray())
            {
                if (o.Str("value") is { } value)
                {
                    yield return value;
                }
            }
        }
    }

    private static int? ParseSeverity(string? value)
    {
        var digit = value?.FirstOrDefault(char.IsAsciiDigit);
        return digit is >= '1' and <= '4' ? digit - '0' : null;
    }
}
