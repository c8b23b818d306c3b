using ImtBot.Core.Commands;
using ImtBot.Core.Drills;
using ImtBot.Core.Incidents;
using ImtBot.Core.Tests.Incidents;

namespace ImtBot.Core.Tests.Drills;

/// <summary>Each expected action is met (full weight), late (half, with how late) or missed (nothing), on the drill clock.</summary>
public class DrillScoreTests
{
    [Fact]
    public void Score_MetLateMissed_WeightedAndTimed()
    {
        var s = new Scenario { Drills = TestScenarios.Catalog };
        s.Ok(People.Alice, new DrillCommand("failover"));
        s.Advance(TimeSpan.FromMinutes(1));
        s.Ok(People.Bob, new RoleCommand("commander", UserArg.Me));           // met: 1 min of 3
        s.Advance(TimeSpan.FromMinutes(9));
        s.Fire("drill:inject:2");                                              // the CFO asks at +10
        s.Advance(TimeSpan.FromMinutes(8));
        s.Ok(People.Bob, new UpdateCommand("Orders failing, standby promoted")); // late: 18 min of 15
        s.Ok(People.Carol, new NoteCommand("Told the CFO: up to 40 s of orders lost")); // late: 8 min after inject 2, target 5
        s.Advance(TimeSpan.FromMinutes(12));
        s.Ok(People.Alice, new DrillControlCommand(DrillControlCommand.End));  // identified never happened: missed

        var score = DrillScore.Of(s.Live.Drill!, s.Clock.GetUtcNow(), ended: true);

        Assert.Equal(
            [
                ("commander", DrillOutcome.Met, (TimeSpan?)TimeSpan.FromMinutes(1), (TimeSpan?)null, 3.0),
                ("update", DrillOutcome.Late, TimeSpan.FromMinutes(18), TimeSpan.FromMinutes(3), 1.0),
                ("identified", DrillOutcome.Missed, null, null, 0.0),
                ("cfo-answer", DrillOutcome.Late, TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(3), 0.5),
            ],
            score.Actions.Select(a => (a.Expected.Id, a.Outcome, a.Took, a.LateBy, a.Points)));
        Assert.Equal((4.5, 10, 45), (score.Points, score.MaxPoints, score.Percent));
        Assert.Equal(People.Bob, score.Actions[0].By);
        Assert.Contains("late by 3m 0s", score.Card("INC-42", "x"), StringComparison.Ordinal);
    }

    [Fact]
    public void Score_PausedTimeDoesNotCount()
    {
        var s = new Scenario { Drills = TestScenarios.Catalog };
        s.Ok(People.Alice, new DrillCommand("failover"));
        s.Advance(TimeSpan.FromMinutes(2));
        s.Ok(People.Alice, new DrillControlCommand(DrillControlCommand.Pause));
        s.Advance(TimeSpan.FromMinutes(10));
        s.Ok(People.Alice, new DrillControlCommand(DrillControlCommand.Resume));
        s.Advance(TimeSpan.FromMinutes(30) - TimeSpan.FromSeconds(1));
        s.Ok(People.Bob, new RoleCommand("commander", UserArg.Me));

        var commander = DrillScore.Of(s.Live.Drill!, s.Clock.GetUtcNow(), ended: false).Actions[0];

        // 42 minutes on the wall, 32 on the drill clock: still late, but by 29 minutes, not 39.
        Assert.Equal(DrillOutcome.Late, commander.Outcome);
        Assert.Equal(TimeSpan.FromMinutes(29) - TimeSpan.FromSeconds(1), commander.LateBy);
    }

    [Fact]
    public void Score_WhileRunning_UndoneIsPendingNotMissed()
    {
        var s = new Scenario { Drills = TestScenarios.Catalog };
        s.Ok(People.Alice, new DrillCommand("failover"));

        var score = DrillScore.Of(s.Live.Drill!, s.Clock.GetUtcNow(), ended: false);

        Assert.All(score.Actions, a => Assert.Equal(DrillOutcome.Pending, a.Outcome));
    }
}
