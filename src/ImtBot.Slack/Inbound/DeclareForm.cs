using ImtBot.Cards;
using ImtBot.Slack.Payloads;

namespace ImtBot.Slack.Inbound;

/// <summary>
/// The declare modal's answers, read from <c>view.state.values</c> by name: the input whose block_id or action_id
/// contains <c>title</c>, <c>sev</c> (option value <c>1</c>…<c>4</c> or <c>sev1</c>…) and <c>drill</c> (checkbox or
/// option value <c>drill</c>). <see cref="TitleBlockId"/> is where errors are shown.
/// </summary>
public sealed record DeclareForm(string Title, int? Severity, bool Drill, string TitleBlockId)
{
    /// <summary>The assessment answers (block <c>answer.&lt;id&gt;</c>, the picked option's value), by question id; null when none was picked.</summary>
    public IReadOnlyDictionary<string, string>? Answers { get; init; }

    public static DeclareForm Read(IReadOnlyDictionary<string, Dictionary<string, BlockInputValue>> values)
    {
        string title = "", titleBlock = "title";
        int? severity = null;
        var drill = false;
        var answers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (blockId, block) in values)
        {
            foreach (var (actionId, input) in block)
            {
                var name = (blockId + " " + actionId).ToLowerInvariant();
                if (blockId.StartsWith(CardCommandText.AnswerPrefix, StringComparison.Ordinal))
                {
                    if ((input.Picked().FirstOrDefault() ?? input.Value) is { Length: > 0 } answer)
                    {
                        answers[blockId[CardCommandText.AnswerPrefix.Length..]] = answer;
                    }
                }
                else if (name.Contains("title", StringComparison.Ordinal))
                {
                    title = input.Value ?? "";
                    titleBlock = blockId;
                }
                else if (name.Contains("sev", StringComparison.Ordinal))
                {
                    severity = ParseSeverity(input.Picked().FirstOrDefault() ?? input.Value);
                }
                else if (name.Contains("drill", StringComparison.Ordinal) || name.Contains("kind", StringComparison.Ordinal))
                {
                    drill = input.Picked().Any(v => v.Contains("drill", StringComparison.OrdinalIgnoreCase) || v is "true" or "yes");
                }
            }
        }

        return new(title, severity, drill, titleBlock) { Answers = answers.Count > 0 ? answers : null };
    }

    private static int? ParseSeverity(string? value)
    {
        var digit = value?.FirstOrDefault(char.IsAsciiDigit);
        return digit is >= '1' and <= '4' ? digit - '0' : null;
    }
}
