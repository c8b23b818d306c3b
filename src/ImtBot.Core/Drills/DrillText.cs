using System.Globalization;
using System.Text;
using ImtBot.Core.Events;

namespace ImtBot.Core.Drills;

/// <summary>The words of drills: timeline lines, the scenario list, the facilitator's briefing and the posted injects.</summary>
public static class DrillText
{
    /// <summary>What every drill message starts with, so nobody mistakes it for a real outage.</summary>
    public const string Marker = "🧪 DRILL";

    internal static string Describe(DrillEvent data) => data switch
    {
        DrillStarted s => $"started the drill \"{s.Scenario.Title}\" (scenario {s.Scenario.Id}, facilitator {s.Facilitator})",
        DrillInjectArmed a => $"armed inject {N(a.Inject)}, due {a.DueAt.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC",
        DrillInjectFired f => $"posted inject {N(f.Inject)}" + (f.ByFacilitator ? " (fired by the facilitator)" : ""),
        DrillPaused => "paused the drill",
        DrillResumed => "resumed the drill",
        DrillEnded => "ended the drill",
        HotwashNoted h => $"said in the hot wash: {h.Text}",
        _ => data.TypeName,
    };

    /// <summary>The answer to <c>drill</c> alone.</summary>
    public static string List(DrillCatalog catalog)
    {
        if (catalog.Scenarios.Count == 0)
        {
            return "No drill scenarios are loaded (put scenario files in the folder `Drills:Path` names). `/incident drill <name>` still starts an unscripted practice incident.";
        }

        var b = new StringBuilder("Drill scenarios (start one with `/incident drill <scenario> [@facilitator]`):\n");
        foreach (var s in catalog.Scenarios.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            b.Append(CultureInfo.InvariantCulture, $"• {s.Id} · SEV{s.Severity}{(s.Type is null ? "" : " · " + s.Type)} · {s.Title} ({s.Injects.Count} injects, {s.Expected.Count} expected actions)\n");
        }

        return b.ToString().TrimEnd('\n');
    }

    /// <summary>The facilitator's private briefing: summary, objectives, the inject schedule with notes, what is scored.</summary>
    public static string Briefing(string key, DrillScenario s)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"{Marker} {key} · you facilitate \"{s.Title}\". Players do not see this.\n");
        b.Append(s.Summary.Trim()).Append('\n');
        b.Append("Objectives:\n");
        foreach (var o in s.Objectives)
        {
            b.Append("• ").Append(o).Append('\n');
        }

        b.Append("Injects:\n");
        foreach (var i in s.Injects)
        {
            b.Append(CultureInfo.InvariantCulture, $"{i.Number}. {When(i)} · {i.Source}{(i.FacilitatorNote is { } note ? " — " + note : "")}\n");
        }

        b.Append("Scored: ").AppendJoin("; ", s.Expected.Select(x => $"{x.Description} within {Span(x.Within)} (weight {x.Weight})")).Append('\n');
        b.Append("Controls: `/incident drill pause`, `drill resume`, `drill inject <n>` (fire now), `drill end`.");
        return b.ToString();
    }

    /// <summary>An inject as posted in the drill channel.</summary>
    public static string Inject(DrillScenario s, DrillInject i) =>
        $"{Marker} · inject {i.Number}/{s.Injects.Count} · from {i.Source}:\n{i.Message.Trim()}";

    /// <summary><c>+10 min</c> or <c>2 min after status identified</c>.</summary>
    public static string When(DrillInject i) =>
        i.At is { } at ? "+" + Span(at) : $"{Span(i.After)} after {i.When}";

    public static string Span(TimeSpan span) =>
        span.TotalSeconds % 60 != 0 ? $"{span.TotalSeconds:0} s"
        : span.TotalMinutes >= 60 && span.TotalMinutes % 60 == 0 ? $"{span.TotalHours:0} h"
        : $"{span.TotalMinutes:0} min";

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
}
