using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Tests.Incidents;

namespace ImtBot.Core.Tests.Plans;

/// <summary>Overdue task reminders on a fake clock: armed when the due time is known, bounded, snoozable, silent once done.</summary>
public class PlanReminderTests
{
    private static Scenario Declared()
    {
        var s = new Scenario { Plans = TestPlans.Catalog };
        s.Ok(People.Alice, new DeclareCommand("Checkout is down", 1, false) { Type = "outage" });
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        return s;
    }

    [Fact]
    public void Declaration_ArmsATimerAtEachKnownDueTime()
    {
        var s = Declared();

        var timers = Scenario.Of<ScheduleTimer>(s.Decisions[0]).Where(t => t.TimerKey.StartsWith("reminder:task:", StringComparison.Ordinal)).ToArray();

        Assert.Equal(["reminder:task:take-command", "reminder:task:blast-radius", "reminder:task:status-page"], timers.Select(t => t.TimerKey));
        Assert.Equal(Scenario.Start.AddMinutes(5), timers[0].DueAt);
    }

    [Fact]
    public void OverdueTask_RemindsItsOwnerAndTheChannel_AtMostMaxRemindersTimes()
    {
        var s = Declared();
        s.Advance(TimeSpan.FromMinutes(5));

        var first = s.Fire("reminder:task:take-command");

        var notice = Assert.Single(Scenario.Of<NotifyUser>(first));
        Assert.Equal(People.Alice, notice.To);
        Assert.Equal("task1", notice.Snooze);
        Assert.StartsWith("INC-42 task 1 is overdue (due 09:05 UTC): Task take-command.", notice.Text, StringComparison.Ordinal);
        Assert.Single(Scenario.Of<PostToChannel>(first));
        Assert.Single(Scenario.Of<SyncIncidentCard>(first));
        var again = Assert.Single(Scenario.Of<ScheduleTimer>(first));
        Assert.Equal(s.Clock.GetUtcNow() + TimeSpan.FromMinutes(15), again.DueAt);

        s.Advance(TimeSpan.FromMinutes(15));
        Assert.NotEmpty(s.Fire("reminder:task:take-command").Events);
        s.Advance(TimeSpan.FromMinutes(15));
        var third = s.Fire("reminder:task:take-command");
        Assert.NotEmpty(third.Events);
        Assert.Empty(Scenario.Of<ScheduleTimer>(third));
        s.Advance(TimeSpan.FromMinutes(15));
        Assert.Empty(s.Fire("reminder:task:take-command").Events);
    }

    [Fact]
    public void TimerBeforeTheDueTime_OrAfterTheTaskIsDone_DoesNothing()
    {
        var s = Declared();
        Assert.Empty(s.Fire("reminder:task:take-command").Events);

        s.Ok(People.Alice, new TaskDoneCommand(1, null));
        s.Advance(TimeSpan.FromMinutes(10));

        Assert.Empty(s.Fire("reminder:task:take-command").Events);
    }

    [Fact]
    public void Snooze_ByChecklistNumber_HoldsTheReminderUntilItEnds()
    {
        var s = Declared();
        s.Advance(TimeSpan.FromMinutes(16));

        var snoozed = s.Ok(People.Bob, new SnoozeCommand("task2", TimeSpan.FromMinutes(20)));

        Assert.Equal("task:blast-radius", Assert.Single(Scenario.EventsOf<ReminderSnoozed>(snoozed)).Reminder);
        Assert.Equal(s.Clock.GetUtcNow().AddMinutes(20), Assert.Single(Scenario.Of<ScheduleTimer>(snoozed)).DueAt);
        Assert.Empty(s.Fire("reminder:task:blast-radius").Events);
        s.Advance(TimeSpan.FromMinutes(20));
        Assert.NotEmpty(s.Fire("reminder:task:blast-radius").Events);
        s.No(People.Bob, new SnoozeCommand("task99", TimeSpan.FromMinutes(20)));
    }

    [Fact]
    public void EnteringAPhase_ArmsItsTasksDueFromThePhase()
    {
        var s = Declared();
        s.Advance(TimeSpan.FromMinutes(3));

        var moved = s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Investigating, null));

        var timer = Assert.Single(Scenario.Of<ScheduleTimer>(moved), t => t.TimerKey == "reminder:task:rollback");
        Assert.Equal(Scenario.Start.AddMinutes(18), timer.DueAt);
        var mitigated = s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Mitigated, null));
        Assert.Single(Scenario.Of<ScheduleTimer>(mitigated), t => t.TimerKey == "reminder:task:verify");
        Assert.DoesNotContain(Scenario.Of<ScheduleTimer>(mitigated), t => t.TimerKey == "reminder:task:rollback");
    }

    [Fact]
    public void TaskWithoutOwner_RemindsTheCommander()
    {
        var s = Declared();
        s.Advance(TimeSpan.FromMinutes(15));

        var d = s.Fire("reminder:task:blast-radius");

        Assert.Equal(People.Alice, Assert.Single(Scenario.Of<NotifyUser>(d)).To);
    }
}
