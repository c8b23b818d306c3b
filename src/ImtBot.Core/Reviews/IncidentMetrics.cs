using System.Globalization;
using System.Text;
using ImtBot.Core.Events;

namespace ImtBot.Core.Reviews;

/// <summary>
/// Time to acknowledge, mitigate and resolve over a set of incidents, per severity, computed from each incident's events
/// with the review's definitions (<see cref="Milestones"/>). Drills are excluded; an incident counts in a duration only
/// once it reached that milestone (open and cancelled incidents count as incidents but have no resolve time).
/// </summary>
public static class IncidentMetrics
{
    /// <param name="incidents">Each incident's events in sequence order; lists that are empty or do not start with a declaration are skipped.</param>
    public static MetricsReport Compute(IEnumerable<IReadOnlyList<IncidentEvent>> incidents)
    {
        var models = incidents
            .Where(events => events.Count > 0 && events[0].Data is IncidentDeclared)
            .Select(events => ReviewModel.From(events))
            .ToList();
        var counted = models.Where(m => !m.IsDrill).ToList();
        var rows = counted
            .GroupBy(m => m.Severity)
            .OrderBy(g => g.Key)
            .Select(g => Row(g.Key, g.ToList()))
            .ToList();
        return new MetricsReport(rows, Row(null, counted), models.Count - counted.Count) { ByType = PlanAdherenceMetrics.ByType(counted) };
    }

    /// <summary>The report as a plain-text table for the CLI <c>metrics</c> verb.</summary>
    public static string ToTable(MetricsReport report)
    {
        string[] headers = ["Severity", "Incidents", "TTA n", "TTA median", "TTA p90", "TTM n", "TTM median", "TTM p90", "TTR n", "TTR median", "TTR p90"];
        var rows = report.BySeverity.Append(report.All).Select(Cells).ToList();
        var widths = headers.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();

        var text = new StringBuilder();
        Line(text, headers, widths);
        Line(text, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in rows)
        {
            Line(text, row, widths);
        }

        text.Append("TTA/TTM/TTR: time from declaration to acknowledge/mitigate/resolve; n: incidents that reached it. ")
            .Append("Median and p90 by nearest rank. Severity: each incident's final severity. Drills excluded: ")
            .Append(report.DrillsExcluded.ToString(CultureInfo.InvariantCulture)).Append(".\n");
        text.Append(PlanAdherenceMetrics.ToTable(report.ByType));
        return text.ToString();
    }

    private static SeverityMetrics Row(int? severity, IReadOnlyList<ReviewModel> models) => new(
        severity,
        models.Count,
        DurationStats.Of(models.Select(m => m.Milestones.TimeToAcknowledge).OfType<TimeSpan>()),
        DurationStats.Of(models.Select(m => m.Milestones.TimeToMitigate).OfType<TimeSpan>()),
        DurationStats.Of(models.Select(m => m.Milestones.TimeToResolve).OfType<TimeSpan>()));

    private static string[] Cells(SeverityMetrics m) =>
    [
        m.Severity is { } s ? $"SEV{s}" : "All",
        N(m.Incidents),
        .. Stat(m.Acknowledge),
        .. Stat(m.Mitigate),
        .. Stat(m.Resolve),
    ];

    private static string[] Stat(DurationStats s) => [N(s.Count), DurationText.Format(s.Median, "-"), DurationText.Format(s.P90, "-")];

    private static void Line(StringBuilder text, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            // The severity name is left-aligned, numbers and durations right-aligned.
            text.Append(i == 0 ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i]));
            text.Append(i == cells.Length - 1 ? "" : "  ");
        }

        text.Append('\n');
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
