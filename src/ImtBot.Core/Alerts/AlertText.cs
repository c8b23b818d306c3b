using ImtBot.Core.Events;

namespace ImtBot.Core.Alerts;

/// <summary>An alert in words, for the timeline and the channel: its title, labels and links.</summary>
public static class AlertText
{
    /// <summary>At most this many labels are named in a line (the card and the API list them all).</summary>
    private const int MaxLabels = 8;

    public static string Fired(AlertFired a) => $"alert fired: {a.Title}{Labels(a.Labels)}{Links(a.Links)}";

    public static string Labels(IReadOnlyDictionary<string, string> labels)
    {
        if (labels.Count == 0)
        {
            return "";
        }

        var shown = labels.Take(MaxLabels).Select(l => $"{l.Key}={l.Value}");
        var more = labels.Count > MaxLabels ? $", +{labels.Count - MaxLabels} more" : "";
        return " (" + string.Join(", ", shown) + more + ")";
    }

    public static string Links(IReadOnlyList<string> links) => links.Count == 0 ? "" : " " + string.Join(" ", links);
}
