using System.Globalization;

namespace ImtBot.Slack.Inbound;

/// <summary>Slack message timestamps (<c>"1610241741.000200"</c>) are ids: kept as strings, turned into times exactly (no double).</summary>
public static class SlackTimestamp
{
    public static DateTimeOffset? ToTime(string? ts)
    {
        if (string.IsNullOrEmpty(ts))
        {
            return null;
        }

        var dot = ts.IndexOf('.');
        var secondsPart = dot < 0 ? ts : ts[..dot];
        var fraction = dot < 0 ? "" : ts[(dot + 1)..];
        if (!long.TryParse(secondsPart, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253402300799 || fraction.Length > 7)
        {
            return null;
        }

        long ticks = 0;
        if (fraction.Length > 0 && !long.TryParse(fraction.PadRight(7, '0'), NumberStyles.None, CultureInfo.InvariantCulture, out ticks))
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds).AddTicks(ticks);
    }

    /// <summary>The message id recorded on the timeline: <c>&lt;channel&gt;:&lt;ts&gt;</c>.</summary>
    public static string MessageId(string channel, string ts) => channel + ":" + ts;
}
