using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Reviews;
using static ImtBot.Core.Tests.Reviews.IncidentScript;
using static ImtBot.Core.Tests.Reviews.ScriptedIncidents;

namespace ImtBot.Core.Tests.Reviews;

public class IncidentMetricsTests
{
    private static int _number;

    /// <summary>An incident acknowledged, mitigated and resolved after the given minutes (null: never), optionally cancelled.</summary>
    private static IReadOnlyList<IncidentEvent> Incident(int severity, int? ack, int? mitigate, int? resolve, bool drill = false, int? raisedTo = null)
    {
        var script = new IncidentScript(Interlocked.Increment(ref _number), Start)
            .Declare(Alice, "scripted", severity, drill ? IncidentKind.Drill : IncidentKind.Normal);
        if (ack is { } a)
        {
            script.At(T(a), Bob, new RoleAssigned("commander", Bob));
        }

        if (raisedTo is { } to)
        {
            script.At(T(ack ?? 0), Bob, new SeverityChanged(severity, to, "worse", Policy(to)));
        }

        if (mitigate is { } m)
        {
            script.At(T(m), Bob, new StatusChanged(IncidentStatus.Declared, IncidentStatus.Mitigated, null));
        }

        if (resolve is { } r)
        {
            script.At(T(r), Bob, new StatusChanged(IncidentStatus.Mitigated, IncidentStatus.Resolved, null));
        }

        return script.Events;
    }

    [Fact]
    public void Compute_KnownValues_PerSeverity()
    {
        var incidents = new[]
        {
            Incident(1, 1, 10, 30),
            Incident(1, 2, 20, 60),
            Incident(1, 3, 30, 90),
            Incident(1, 4, 40, 120),
            Incident(2, 5, 50, null),
            Incident(2, null, null, null),
        };

        var report = IncidentMetrics.Compute(incidents);

        var sev1 = report.BySeverity[0];
        Assert.Equal(new SeverityMetrics(1, 4,
            new DurationStats(4, T(2), T(4)), new DurationStats(4, T(20), T(40)), new DurationStats(4, T(60), T(120))), sev1);
        Assert.Equal(new SeverityMetrics(2, 2, new DurationStats(1, T(5), T(5)), new DurationStats(1, T(50), T(50)), DurationStats.Empty), report.BySeverity[1]);
        Assert.Equal(new SeverityMetrics(null, 6,
            new DurationStats(5, T(3), T(5)), new DurationStats(5, T(30), T(50)), new DurationStats(4, T(60), T(120))), report.All);
        Assert.Equal(0, report.DrillsExcluded);
    }

    [Fact]
    public void Compute_Drills_Excluded()
    {
        var report = IncidentMetrics.Compute([Incident(3, 1, 2, 3), Incident(3, 100, 200, 300, drill: true)]);

        Assert.Equal(1, report.DrillsExcluded);
        Assert.Equal(1, report.All.Incidents);
        Assert.Equal(new DurationStats(1, T(1), T(1)), Assert.Single(report.BySeverity).Acknowledge);
    }

    [Fact]
    public void Compute_SeverityChanged_CountsUnderTheFinalSeverity()
    {
        var report = IncidentMetrics.Compute([Incident(3, 1, 2, 3, raisedTo: 1)]);

        Assert.Equal(1, Assert.Single(report.BySeverity).Severity);
    }

    [Fact]
    public void Compute_EmptyOrUndeclaredLogs_Skipped()
    {
        var undeclared = new IncidentScript(99, Start).At(T(0), Alice, new NoteAdded("orphan")).Events;

        var report = IncidentMetrics.Compute([[], undeclared]);

        Assert.Empty(report.BySeverity);
        Assert.Equal(0, report.All.Incidents);
    }

    [Fact]
    public void ToTable_AlignedRowsAndFootnote()
    {
        var report = IncidentMetrics.Compute([Incident(1, 1, 10, 30), Incident(2, 5, 50, null), Incident(4, 1, 1, 1, drill: true)]);

        var lines = IncidentMetrics.ToTable(report).Split('\n');

        Assert.Equal("Severity  Incidents  TTA n  TTA median  TTA p90  TTM n  TTM median  TTM p90  TTR n  TTR median  TTR p90", lines[0]);
        Assert.Equal("SEV1              1      1       1m 0s    1m 0s      1      10m 0s   10m 0s      1      30m 0s   30m 0s", lines[2]);
        Assert.Equal("SEV2              1      1       5m 0s    5m 0s      1      50m 0s   50m 0s      0           -        -", lines[3]);
        Assert.Equal("All               2      2       1m 0s    5m 0s      2      10m 0s   50m 0s      1      30m 0s   30m 0s", lines[4]);
        Assert.EndsWith("Drills excluded: 1.", lines[5]);
        Assert.All(lines[..5], l => Assert.Equal(lines[0].Length, l.Length));
    }
}
