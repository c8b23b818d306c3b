using System.Globalization;
using System.Text;

namespace ImtBot.Core.Reviews;

/// <summary>Plan adherence of one incident type: plan tasks done on time out of all plan tasks, over its incidents.</summary>
public sealed record TypeAdherence(string Type, int Incidents, int DoneOnTime, int PlanTasks)
{
    public double? Adherence => PlanTasks == 0 ? null : (double)DoneOnTime / PlanTasks;
}

/// <summary>Plan adherence per incident type (each incident's final type), for the metrics.</summary>
public static class PlanAdherenceMetrics
{
    public static IReadOnlyList<TypeAdherence> ByType(IEnumerable<ReviewModel> models) =>
        models
            .Where(m => m.Plan is not null)
            .GroupBy(m => m.Plan!.Type, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TypeAdherence(g.Key, g.Count(), g.Sum(m => m.Plan!.DoneOnTime), g.Sum(m => m.Plan!.PlanTasks)))
            .ToArray();

    /// <summary>The plain-text table the <c>metrics</c> verb prints under the durations; empty when no incident had a plan.</summary>
    public static string ToTable(IReadOnlyList<TypeAdherence> rows)
    {
        if (rows.Count == 0)
        {
            return "";
        }

        var width = rows.Max(r => r.Type.Length);
        var text = new StringBuilder("\n");
        text.Append("Type".PadRight(width)).Append("  Incidents  On time / tasks  Adherence\n");
        foreach (var r in rows)
        {
            var share = r.Adherence is { } a ? a.ToString("P0", CultureInfo.InvariantCulture).Replace(" ", "", StringComparison.Ordinal) : "-";
            text.Append(r.Type.PadRight(width)).Append("  ").Append(r.Incidents.ToString(CultureInfo.InvariantCulture).PadLeft(9))
                .Append("  ").Append($"{r.DoneOnTime}/{r.PlanTasks}".PadLeft(15)).Append("  ").Append(share.PadLeft(9)).Append('\n');
        }

        text.Append("Plan adherence: plan tasks done by their due time out of all plan tasks (tasks added by hand not counted). Type: each incident's final type.\n");
        return text.ToString();
    }
}
