using System.Globalization;
using System.Text;
using ImtBot.Core.Platforms;
using ImtBot.Core.Reviews;

namespace ImtBot.Core.Drills;

public enum DrillOutcome
{
    /// <summary>Done within the target.</summary>
    Met,

    /// <summary>Done, but after the target: half the weight.</summary>
    Late,

    /// <summary>Not done by the end of the drill (or its inject never came).</summary>
    Missed,

    /// <summary>The drill still runs and it is not done yet.</summary>
    Pending,
}

/// <summary>One expected action, scored: what happened, how long it took on the drill clock and the points it earned.</summary>
public sealed record ScoredAction(ExpectedAction Expected, DrillOutcome Outcome, DateTimeOffset? At, UserRef? By, TimeSpan? Took, TimeSpan? LateBy, double Points);

/// <summary>
/// The score of a drill: each expected action met (full weight), late (half the weight, with how late) or missed
/// (nothing), timed on the drill clock (pauses do not count) from the start or from the inject it follows.
/// </summary>
public sealed record DrillScore(IReadOnlyList<ScoredAction> Actions, double Points, int MaxPoints)
{
    public const double LateShare = 0.5;

    /// <summary>0–100, rounded; 100 when nothing is scored.</summary>
    public int Percent => MaxPoints == 0 ? 100 : (int)Math.Round(100 * Points / MaxPoints, MidpointRounding.AwayFromZero);

    /// <param name="asOf">Now, or the end of the drill.</param>
    /// <param name="ended">Score as finished: what is not done is missed, not pending.</param>
    public static DrillScore Of(DrillRun run, DateTimeOffset asOf, bool ended)
    {
        var end = run.EndedAt ?? asOf;
        ended |= run.EndedAt is not null;
        var scored = new List<ScoredAction>();
        foreach (var x in run.Scenario.Expected)
        {
            DateTimeOffset? since = x.FromInject is { } n ? (run.Fired.TryGetValue(n, out var f) ? f.At : null) : run.StartedAt;
            var reached = since is { } s ? run.FirstReached(x.What, s) : null;
            if (reached is { } r && r.At <= end)
            {
                var took = run.Elapsed(since!.Value, r.At);
                scored.Add(took <= x.Within
                    ? new ScoredAction(x, DrillOutcome.Met, r.At, r.By, took, null, x.Weight)
                    : new ScoredAction(x, DrillOutcome.Late, r.At, r.By, took, took - x.Within, x.Weight * LateShare));
            }
            else
            {
                scored.Add(new ScoredAction(x, ended ? DrillOutcome.Missed : DrillOutcome.Pending, null, null, null, null, 0));
            }
        }

        return new DrillScore(scored, scored.Sum(a => a.Points), run.Scenario.Expected.Sum(x => x.Weight));
    }

    /// <summary>The score card posted when the drill ends (plain text, one line per expected action).</summary>
    public string Card(string key, string title)
    {
        var b = new StringBuilder();
        b.Append(CultureInfo.InvariantCulture, $"{DrillText.Marker} {key} score card · {title}: {Percent}% ({Pts(Points)} of {MaxPoints} points)\n");
        foreach (var a in Actions)
        {
            b.Append(Line(a)).Append('\n');
        }

        return b.ToString().TrimEnd('\n');
    }

    /// <summary><c>✅ Commander within 3 min — met in 1m 10s by @Alice · 3/3</c>.</summary>
    public static string Line(ScoredAction a)
    {
        var target = $"{a.Expected.Description} (within {DrillText.Span(a.Expected.Within)}{(a.Expected.FromInject is { } n ? $" of inject {n}" : "")})";
        var points = $"{Pts(a.Points)}/{a.Expected.Weight}";
        return a.Outcome switch
        {
            DrillOutcome.Met => $"✅ {target} — met in {DurationText.Format(a.Took!.Value)}{By(a)} · {points}",
            DrillOutcome.Late => $"⚠️ {target} — late by {DurationText.Format(a.LateBy!.Value)} ({DurationText.Format(a.Took!.Value)}){By(a)} · {points}",
            DrillOutcome.Missed => $"❌ {target} — missed · {points}",
            _ => $"⏳ {target} — not yet · {points}",
        };
    }

    public static string Pts(double points) => points.ToString("0.#", CultureInfo.InvariantCulture);

    private static string By(ScoredAction a) => a.By is { } u && u.Platform != PlatformNames.System ? $" by {u}" : "";
}
