using System.Globalization;
using ImtBot.Core.Alerts;
using ImtBot.Core.Incidents;

namespace ImtBot.Cards.Models;

/// <summary>The incident card's lines for its alerts: firing ones first, each with how often it came and its first link.</summary>
public static class AlertRows
{
    /// <summary>A card lists at most this many alerts and says how many more there are.</summary>
    public const int Max = 10;

    public static IReadOnlyList<string> From(Incident incident, CardText text)
    {
        var ordered = incident.Alerts.OrderByDescending(a => a.Firing).ThenBy(a => a.FirstAt).ToList();
        var rows = ordered.Take(Max).Select(a =>
        {
            var state = a.Firing ? "Firing" : "Resolved " + CardText.ShortTime(a.ResolvedAt ?? a.LastAt);
            var times = a.Count > 1 ? " · sent " + a.Count.ToString(CultureInfo.InvariantCulture) + " times" : "";
            var link = a.Links.Count > 0 ? " · " + a.Links[0] : "";
            return text.Markup(state + ": " + a.Title + AlertText.Labels(a.Labels) + times + link, 500);
        }).ToList();
        if (ordered.Count > Max)
        {
            rows.Add((ordered.Count - Max).ToString(CultureInfo.InvariantCulture) + " more alerts: /api/incidents/" + incident.Number.ToString(CultureInfo.InvariantCulture) + "/alerts");
        }

        return rows;
    }
}
