using System.Text;

namespace ImtBot.Slack.Formatting;

/// <summary>
/// mrkdwn safety: escape exactly <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> (ampersand first) so user text can never
/// become a control sequence such as <c>&lt;!channel&gt;</c> or <c>&lt;@U123&gt;</c> (RELIABILITY I1).
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
