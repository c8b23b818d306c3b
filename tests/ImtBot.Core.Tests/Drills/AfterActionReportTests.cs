using System.Diagnostics;
using System.Runtime.CompilerServices;
using ImtBot.Core.Commands;
using ImtBot.Core.Drills;
using ImtBot.Core.Platforms;
using ImtBot.Core.Tests.Incidents;

namespace ImtBot.Core.Tests.Drills;

/// <summary>The after-action report of a scripted drill, compared exactly with the committed golden file.</summary>
public class AfterActionReportTests
{
    internal static Scenario Scripted()
    {
        var s = new Scenario { Drills = TestScenarios.Catalog };
        s.Ok(People.Alice, new DrillCommand("failover") { Facilitator = People.Arg(People.Carol) });
        s.Fire("drill:inject:1");
        s.Advance(TimeSpan.FromMinutes(2));
        s.Ok(People.Bob, new RoleCommand("commander", UserArg.Me));
        s.Ok(People.Bob, new RoleCommand("ops", People.Arg(People.Dave)));
        s.Advance(TimeSpan.FromMinutes(3));
        s.Ok(People.Carol, new DrillControlCommand(DrillControlCommand.Pause));
        s.Advance(TimeSpan.FromMinutes(4));
        s.Ok(People.Carol, new DrillControlCommand(DrillControlCommand.Resume));
        s.Advance(TimeSpan.FromMinutes(5));
        s.Fire("drill:inject:2"); // due at +10, moved to 09:14 by the 4-minute pause
        s.Advance(TimeSpan.FromMinutes(2));
        s.Ok(People.Bob, new NoteCommand("Promote the standby; accept up to 40 s of lost orders"));
        s.Advance(TimeSpan.FromMinutes(4));
        s.Ok(People.Dave, new TransitionCommand(ImtBot.Core.Incidents.IncidentStatus.Identified, "primary disk degraded"));
        s.Advance(TimeSpan.FromMinutes(2));
        s.Fire("drill:inject:3");
        s.Ok(People.Bob, new UpdateCommand("Orders failing since 09:00; promoting the standby, next update 09:45"));
        s.Ok(People.Bob, new ActionCommand("Reconcile orders lost in the lag window", People.Arg(People.Erin), new DateOnly(2026, 12, 11)));
        s.Advance(TimeSpan.FromMinutes(5));
        s.Ok(People.Carol, new DrillControlCommand(DrillControlCommand.End));
        s.Ok(People.Bob, new HotwashCommand("Went well: command taken in 2 minutes"));
        s.Ok(People.Dave, new HotwashCommand("Change: alert on replication lag over 10 s"));
        return s;
    }

    /// <summary>To accept an intended change, run once with <c>IMTBOT_UPDATE_GOLDEN=1</c> and review the diff.</summary>
    [Fact]
    public void ToMarkdown_ScriptedDrill_MatchesGolden()
    {
        var s = Scripted();

        var markdown = AfterActionReport.ToMarkdown(s.Live, s.Clock.GetUtcNow())!;

        var path = GoldenPath("aar-drill.md");
        if (Environment.GetEnvironmentVariable("IMTBOT_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, markdown);
        }

        Assert.Equal(File.ReadAllText(path), markdown);
    }

    [Fact]
    public void ToMarkdown_RealIncident_Null() =>
        Assert.Null(AfterActionReport.ToMarkdown(Scenario.Declared().Live, Scenario.Start));

    [Fact]
    public void ToMarkdown_LongDrill_UnderOneSecond()
    {
        var s = Scripted();
        s.Drills = TestScenarios.Catalog;
        for (var i = 0; i < 2000; i++)
        {
            s.Ok(People.Bob, new HotwashCommand($"Observation {i}: the runbook step {i % 17} was unclear"));
        }

        var watch = Stopwatch.StartNew();
        var markdown = AfterActionReport.ToMarkdown(s.Live, s.Clock.GetUtcNow())!;
        watch.Stop();

        Assert.Contains("Observation 1999", markdown, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"took {watch.Elapsed}");
    }

    [Fact]
    public void ChannelSlug_Drill_StartsWithDrill() =>
        Assert.Equal("drill-7-primary-database-fails-over", ChannelSlug.IncidentChannel(7, "Primary database fails over", 60, drill: true));

    private static string GoldenPath(string name, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Golden", name);
}
