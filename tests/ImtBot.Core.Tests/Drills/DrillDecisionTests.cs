using ImtBot.Core.Commands;
using ImtBot.Core.Drills;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Tests.Incidents;

namespace ImtBot.Core.Tests.Drills;

/// <summary>Drills on a fake clock: injects at exact times and once, pause and resume, waiting injects, controls, the hot wash.</summary>
public class DrillDecisionTests
{
    private static Scenario Started(ImtBot.Core.Platforms.UserRef? facilitator = null)
    {
        var s = new Scenario { Drills = TestScenarios.Catalog };
        s.Ok(People.Alice, new DrillCommand("failover") { Facilitator = facilitator is null ? null : People.Arg(facilitator) });
        return s;
    }

    private static IReadOnlyList<ScheduleTimer> InjectTimers(Decision d) =>
        d.Effects.OfType<ScheduleTimer>().Where(t => t.TimerKey.StartsWith("drill:inject:", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void Drill_KnownScenario_DeclaresDrillAndSchedulesTimedInjectsAtExactTimes()
    {
        var s = new Scenario { Drills = TestScenarios.Catalog };

        var d = s.Ok(People.Alice, new DrillCommand("failover") { Facilitator = People.Arg(People.Carol) });

        Assert.Equal(IncidentKind.Drill, s.Live.Kind);
        Assert.Equal("Primary database fails over", s.Live.Title);
        Assert.Equal(2, s.Live.Severity);
        Assert.Equal(People.Carol, s.Live.Drill!.Facilitator);
        Assert.Equal(
            [("drill:inject:1", Scenario.Start), ("drill:inject:2", Scenario.Start.AddMinutes(10))],
            InjectTimers(d).Select(t => (t.TimerKey, t.DueAt)));
        var briefing = Assert.Single(d.Effects.OfType<NotifyUser>(), n => n.To == People.Carol);
        Assert.Contains("Pressure: expect an update", briefing.Text, StringComparison.Ordinal);
        Assert.Contains(d.Effects.OfType<InviteUsers>(), i => i.Users.Contains(People.Carol));
    }

    [Fact]
    public void Drill_EveryMessageSaysDrill()
    {
        var s = Started();
        s.OnCall["ops"] = [People.Bob];

        var page = s.Ok(People.Alice, new PageCommand("ops", null, null));
        s.Ok(People.Alice, new UpdateCommand("Investigating the database"));

        var texts = s.Decisions.SelectMany(x => x.Effects).Select(e => e switch
        {
            PostToChannel p => p.Text,
            NotifyUser n => n.Text,
            Announce a => a.Text,
            PostStatusUpdate u => u.Text,
            SendPage p => p.Message,
            _ => null,
        }).Where(t => t is not null).ToArray();
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.Contains("DRILL", t, StringComparison.Ordinal));
        Assert.Single(page.Effects.OfType<SendPage>());
    }

    [Fact]
    public void Drill_UnknownScenario_RejectedNamingTheScenarios()
    {
        var s = new Scenario { Drills = TestScenarios.Catalog };

        var d = s.No(People.Alice, new DrillCommand("volcano"));

        Assert.Contains("failover", d.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void InjectTimer_AtItsTime_PostsFromTheNamedSourceOnceAndTellsTheFacilitator()
    {
        var s = Started(People.Carol);
        s.Advance(TimeSpan.FromMinutes(10));

        var fired = s.Fire("drill:inject:2");
        var again = s.Fire("drill:inject:2");

        var post = Assert.Single(fired.Effects.OfType<PostToChannel>());
        Assert.StartsWith("🧪 DRILL · inject 2/3 · from CFO:", post.Text, StringComparison.Ordinal);
        Assert.Contains("Are we losing orders?", post.Text, StringComparison.Ordinal);
        Assert.Single(fired.Effects.OfType<NotifyUser>(), n => n.To == People.Carol && n.Text.Contains("Pressure", StringComparison.Ordinal));
        Assert.Empty(again.Events);
        Assert.Equal(Scenario.Start.AddMinutes(10), s.Live.Drill!.Fired[2].At);
    }

    [Fact]
    public void InjectTimer_BeforeItsTime_DoesNothing()
    {
        var s = Started();
        s.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));

        Assert.Empty(s.Fire("drill:inject:2").Events);
        Assert.False(s.Live.Drill!.Fired.ContainsKey(2));
    }

    [Fact]
    public void PauseResume_ShiftsLaterInjectsByThePause()
    {
        var s = Started();
        s.Fire("drill:inject:1");
        s.Advance(TimeSpan.FromMinutes(4));
        s.Ok(People.Alice, new DrillControlCommand(DrillControlCommand.Pause));
        s.Advance(TimeSpan.FromMinutes(6));

        // The original timer comes due while paused: nothing.
        Assert.Empty(s.Fire("drill:inject:2").Events);

        s.Advance(TimeSpan.FromMinutes(1));
        var resumed = s.Ok(People.Alice, new DrillControlCommand(DrillControlCommand.Resume));

        // Paused 7 minutes: inject 2 moves from +10 to +17.
        Assert.Equal([("drill:inject:2", Scenario.Start.AddMinutes(17))], InjectTimers(resumed).Select(t => (t.TimerKey, t.DueAt)));
        s.Advance(TimeSpan.FromMinutes(6) - TimeSpan.FromSeconds(1));
        Assert.Empty(s.Fire("drill:inject:2").Events);
        s.Advance(TimeSpan.FromSeconds(1));
        Assert.Single(s.Fire("drill:inject:2").Events.OfType<DrillInjectFired>());
    }

    [Fact]
    public void WaitingInject_ArmedWhenTheStateBecomesIdentified()
    {
        var s = Started();
        s.Advance(TimeSpan.FromMinutes(6));

        var identified = s.Ok(People.Bob, new TransitionCommand(IncidentStatus.Identified, "bad disk"));

        var armed = Assert.Single(identified.Events.OfType<DrillInjectArmed>());
        Assert.Equal((3, Scenario.Start.AddMinutes(8)), (armed.Inject, armed.DueAt));
        Assert.Equal([("drill:inject:3", Scenario.Start.AddMinutes(8))], InjectTimers(identified).Select(t => (t.TimerKey, t.DueAt)));
        s.Advance(TimeSpan.FromMinutes(2));
        Assert.Contains("Cloud provider status", Assert.Single(s.Fire("drill:inject:3").Effects.OfType<PostToChannel>()).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void InjectNow_ByFacilitator_PostsEarlyOnceAndTheTimerLaterDoesNothing()
    {
        var s = Started();

        var now = s.Ok(People.Alice, new DrillControlCommand(DrillControlCommand.Fire, 2));
        s.No(People.Alice, new DrillControlCommand(DrillControlCommand.Fire, 2));
        s.No(People.Alice, new DrillControlCommand(DrillControlCommand.Fire, 9));
        s.Advance(TimeSpan.FromMinutes(10));

        Assert.True(Assert.Single(now.Events.OfType<DrillInjectFired>()).ByFacilitator);
        Assert.Empty(s.Fire("drill:inject:2").Events);
    }

    [Fact]
    public void Controls_OnlyTheFacilitatorOrAnAdmin()
    {
        var s = Started(People.Carol);

        var no = s.No(People.Bob, new DrillControlCommand(DrillControlCommand.Pause));
        s.Ok(People.Carol, new DrillControlCommand(DrillControlCommand.Pause));
        s.Ok(People.Admin, new DrillControlCommand(DrillControlCommand.Resume));

        Assert.Contains("@Carol", no.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Controls_OnARealIncident_Rejected()
    {
        var s = Scenario.Declared();

        s.No(People.Alice, new DrillControlCommand(DrillControlCommand.End));
        s.No(People.Alice, new HotwashCommand("went well"));
    }

    [Fact]
    public void End_PostsScoreCardAndHotWash_ThenHotwashIsRecorded()
    {
        var s = Started();
        s.No(People.Alice, new HotwashCommand("too early"));
        s.Advance(TimeSpan.FromMinutes(30));

        var end = s.Ok(People.Alice, new DrillControlCommand(DrillControlCommand.End));
        s.Ok(People.Bob, new HotwashCommand("Paging worked; nobody owned comms"));

        var posts = end.Effects.OfType<PostToChannel>().Select(p => p.Text).ToArray();
        Assert.Contains(posts, p => p.Contains("score card", StringComparison.Ordinal) && p.Contains("0%", StringComparison.Ordinal));
        Assert.Contains(posts, p => p.Contains("What went well?", StringComparison.Ordinal));
        Assert.Equal("Paging worked; nobody owned comms", Assert.Single(s.Live.Drill!.Hotwash).Text);
        s.No(People.Alice, new DrillControlCommand(DrillControlCommand.Pause));
        Assert.Empty(s.Fire("drill:inject:2").Events);
    }
}
