using ImtBot.Core.Platforms;

namespace ImtBot.Core.Drills;

/// <summary>
/// A drill as folded from its events: the scenario, the facilitator, the drill clock (pauses), when each inject is due
/// and when it was posted, what the players reached and when, and the hot-wash answers. Read by the decider (which
/// inject fires), the score and the after-action report.
/// </summary>
public sealed class DrillRun(DrillScenario scenario, UserRef facilitator, DateTimeOffset startedAt)
{
    public DrillScenario Scenario { get; } = scenario;

    public UserRef Facilitator { get; } = facilitator;

    public DateTimeOffset StartedAt { get; } = startedAt;

    public DateTimeOffset? EndedAt { get; internal set; }

    public DateTimeOffset? PausedAt { get; internal set; }

    public bool IsPaused => PausedAt is not null;

    public bool IsRunning => EndedAt is null;

    /// <summary>Each pause, from and to (an open pause is not listed until it ends).</summary>
    public List<(DateTimeOffset From, DateTimeOffset To)> Pauses { get; } = [];

    /// <summary>When each inject not yet posted is due (offset injects from the start, waiting ones once armed).</summary>
    public Dictionary<int, DateTimeOffset> Due { get; } = [];

    /// <summary>When each posted inject was posted, and whether the facilitator fired it by hand.</summary>
    public Dictionary<int, (DateTimeOffset At, bool ByFacilitator)> Fired { get; } = [];

    /// <summary>Every milestone the players reached while the drill ran, in order.</summary>
    public List<(DateTimeOffset At, DrillMilestone Milestone, UserRef By)> Reached { get; } = [];

    public List<(DateTimeOffset At, UserRef By, string Text)> Hotwash { get; } = [];

    /// <summary>Which inject each posting event posted, by the event's sequence (the report marks them on the timeline).</summary>
    public Dictionary<long, int> InjectBySequence { get; } = [];

    /// <summary>Drill-clock time between two instants: wall time less every pause (an open one up to <paramref name="to"/>).</summary>
    public TimeSpan Elapsed(DateTimeOffset from, DateTimeOffset to)
    {
        var spans = PausedAt is { } p ? [.. Pauses, (p, to)] : Pauses;
        var paused = TimeSpan.Zero;
        foreach (var (a, b) in spans)
        {
            var start = a > from ? a : from;
            var end = b < to ? b : to;
            if (end > start)
            {
                paused += end - start;
            }
        }

        return to - from - paused;
    }

    /// <summary>The first time <paramref name="milestone"/> was reached at or after <paramref name="since"/>.</summary>
    public (DateTimeOffset At, UserRef By)? FirstReached(DrillMilestone milestone, DateTimeOffset since)
    {
        foreach (var (at, m, by) in Reached)
        {
            if (at >= since && milestone.IsMetBy(m))
            {
                return (at, by);
            }
        }

        return null;
    }
}
