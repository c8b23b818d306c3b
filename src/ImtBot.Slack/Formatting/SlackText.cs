using System.Text;

namespace ImtBot.Slack.Formatting;

/// <summary>
/// mrkdwn safety: escape exactly <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> (ampersand first) so user text can never
/// become a control sequence such as <c>&lt;!channel&gt;</c> or <c>&lt;@U123&gt;</c> (docs/reliability.md §Security, mentions and escaping).
/// </summary>
public static class SlackText
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    /// <summary>
    /// The inverse for text Slack sends us: message and command text arrive with literal <c>&amp;</c>, <c>&lt;</c>,
    /// <c>&gt;</c> as entities (real control sequences such as <c>&lt;@U1|bob&gt;</c> keep their brackets), so the core
    /// sees what the person typed; everything the bot posts is escaped again on the way out.
    /// </summary>
    public static string Unescape(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Contains('&', StringComparison.Ordinal))
        {
            return text ?? "";
        }

        return text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
    }

    /// <summary>Cuts text to at most <paramref name="max"/> UTF-16 units without splitting a surrogate pair, adding an ellipsis.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut] + "…";
    }
}
