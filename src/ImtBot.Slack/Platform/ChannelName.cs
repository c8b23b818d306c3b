using System.Globalization;
using ImtBot.Core.Platforms;

namespace ImtBot.Slack.Platform;

/// <summary>
/// Incident channel names: <c>inc-&lt;n&gt;-&lt;slug&gt;</c>, at most 80 characters of <c>a-z 0-9 - _</c> whatever the title
/// (accents folded, zero-width, RTL and emoji dropped, long titles cut on a word boundary) (docs/reliability.md §Security, channel names).
/// </summary>
public static class ChannelName
{
    public const int MaxLength = 80;

    /// <summary>Room kept for a <c>-NN</c> suffix when the name is taken by someone else's channel.</summary>
    private const int SuffixRoom = 3;

    /// <param name="drill">A drill's channel is <c>drill-&lt;n&gt;-&lt;slug&gt;</c>, so nobody mistakes it for a real outage.</param>
    public static string For(int incident, string? title, int suffix = 1, bool drill = false)
    {
        var prefix = (drill ? "drill-" : "inc-") + incident.ToString(CultureInfo.InvariantCulture);
        var tail = suffix > 1 ? "-" + suffix.ToString(CultureInfo.InvariantCulture) : "";
        var room = MaxLength - SuffixRoom - prefix.Length - 1;
        var slug = Slug(title ?? "", room);
        return (slug.Length == 0 ? prefix : prefix + "-" + slug) + tail;
    }

    /// <summary>Lowercase ASCII letters and digits joined by single hyphens, at most <paramref name="max"/> characters.</summary>
    public static string Slug(string title, int max) => ChannelSlug.Slug(title, max);
}
