using ImtBot.Core.Incidents;

namespace ImtBot.Core.Compliance;

/// <summary>Every stage clock of every regime on record, computed from the folded incident and the recorded rules.</summary>
public static class ComplianceClocks
{
    public static IReadOnlyList<ComplianceClock> Of(Incident state, DateTimeOffset now) =>
        state.RegulatoryRegimes.SelectMany(r => r.Rule.Stages.Select(stage => Clock(state, r, stage, now))).ToArray();

    private static ComplianceClock Clock(Incident state, RegimeRecord regime, StageDefinition stage, DateTimeOffset now)
    {
        var rule = regime.Rule;
        var submitted = state.SubmissionOf(regime.Id, stage.Id);
        var due = StageDeadline.Of(rule, stage, start => StartOf(state, regime, start));
        var exercise = state.Kind == IncidentKind.Drill;
        string Name(string id) => rule.Stage(id)?.Name ?? id;
        var clockState = (regime.Applies, due, submitted) switch
        {
            (false, _, null) => ClockState.Stopped,
            (_, null, null) => ClockState.Waiting,
            (_, { } d, { } s) => s.At <= d.Due ? ClockState.Met : ClockState.Late,
            (_, null, { }) => ClockState.Met,
            (_, { } d, null) => now > d.Due ? ClockState.Overdue : ClockState.Running,
        };
        var basis = due?.Basis ?? $"starts at {ClockStarts.Describe(stage.After, Name)} ({stage.Describe(Name)})";
        return new ComplianceClock(regime.Id, rule.Name, stage.Id, stage.Name, clockState, due?.Started, due?.Due, basis, submitted, exercise);
    }

    /// <summary>When a start is known: awareness (from <c>regulated</c>), the decisions, or an earlier stage's submission.</summary>
    private static DateTimeOffset? StartOf(Incident state, RegimeRecord regime, string start) => start switch
    {
        ClockStarts.Aware => regime.AwareAt,
        ClockStarts.Classified => state.ClassifiedMajorAt,
        ClockStarts.Material => state.MaterialAt,
        _ => state.SubmissionOf(regime.Id, start)?.At,
    };

    /// <summary>
    /// The reminder due now for one open clock, or null: the latest configured point (or the deadline itself, "missed")
    /// that has passed and was not told yet. Older points passed at the same time are covered by it.
    /// </summary>
    public static (string Point, DateTimeOffset At)? DueReminder(Incident state, ComplianceClock clock, IReadOnlyList<string> points, DateTimeOffset now)
    {
        if (!clock.IsOpen || clock.Started is not { } started || clock.Deadline is not { } deadline)
        {
            return null;
        }

        var told = state.RemindedUntil(clock.Regime, clock.Stage) ?? DateTimeOffset.MinValue;
        return Points(points, started, deadline).Where(p => p.At <= now && p.At > told).OrderBy(p => p.At).LastOrDefault() is { Point: not null } due ? due : null;
    }

    /// <summary>When the next reminder of any open clock falls due after <paramref name="now"/>, or null.</summary>
    public static DateTimeOffset? NextReminder(Incident state, IReadOnlyList<string> points, DateTimeOffset now)
    {
        var next = Of(state, now)
            .Where(c => c.State == ClockState.Running && c.Started is not null && c.Deadline is not null)
            .SelectMany(c => Points(points, c.Started!.Value, c.Deadline!.Value).Select(p => p.At))
            .Where(at => at > now)
            .DefaultIfEmpty(DateTimeOffset.MaxValue)
            .Min();
        return next == DateTimeOffset.MaxValue ? null : next;
    }

    private static IEnumerable<(string Point, DateTimeOffset At)> Points(IReadOnlyList<string> points, DateTimeOffset started, DateTimeOffset deadline)
    {
        foreach (var text in points)
        {
            if (ReminderPoints.TryParse(text, out var point) && point.At(started, deadline) is { } at)
            {
                yield return (text, at);
            }
        }

        yield return (Missed, deadline);
    }

    /// <summary>The point name of the reminder that a deadline passed.</summary>
    public const string Missed = "missed";
}
