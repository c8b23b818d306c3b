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

    /// <summary>The task reminders these decisions sent, with when.</summary>
    private static (string Reminder, DateTimeOffset At)[] TaskReminders(Scenario s) =>
        s.Events.Where(e => e.Data is ReminderSent r && r.Reminder.StartsWith("task:", StringComparison.Ordinal))
            .Select(e => (((ReminderSent)e.Data).Reminder, e.At)).ToArray();

    [Fact]
    public void Declaration_ArmsTheReminderTimerAtTheFirstTaskDue()
    {
        var s = Declared();

        // take-command is due 5 minutes after declaration: before any role or update reminder.
        Assert.Equal(new ScheduleTimer("reminders", Scenario.Start.AddMinutes(5)), Assert.Single(Scenario.Of<ScheduleTimer>(s.Decisions[0])));
    }

    [Fact]
    public void EveryTaskWithADueTime_IsRemindedWhenDue()
    {
        var s = Declared();

        s.Wait(TimeSpan.FromMinutes(16));

        Assert.Equal(
            [("task:take-command", Scenario.Start.AddMinutes(5)), ("task:blast-radius", Scenario.Start.AddMinutes(15)), ("task:status-page", Scenario.Start.AddMinutes(15))],
            TaskReminders(s));
    }

    [Fact]
    public void OverdueTask_RemindsItsOwnerAndTheChannel_AtMostMaxRemindersTimes()
    {
        var s = Declared();

        var first = Assert.Single(s.Wait(TimeSpan.FromMinutes(5)));

        var notice = Assert.Single(Scenario.Of<NotifyUser>(first));
        Assert.Equal(People.Alice, notice.To);
        Assert.Equal("task1", notice.Snooze);
        Assert.StartsWith("INC-42 task 1 is overdue (due 09:05 UTC): Task take-command.", notice.Text, StringComparison.Ordinal);
        Assert.Single(Scenario.Of<PostToChannel>(first));
        Assert.Single(Scenario.Of<SyncIncidentCard>(first));

        s.Wait(TimeSpan.FromHours(2));
        Assert.Equal(
            [Scenario.Start.AddMinutes(5), Scenario.Start.AddMinutes(20), Scenario.Start.AddMinutes(35)],
            TaskReminders(s).Where(r => r.Reminder == "task:take-command").Select(r => r.At));
    }

    [Fact]
    public void TimerBeforeTheDueTime_OrAfterTheTaskIsDone_DoesNothing()
    {
        var s = Declared();
        Assert.Empty(s.Fire("reminders").Events);

        s.Ok(People.Alice, new TaskDoneCommand(1, null));
        s.Wait(TimeSpan.FromMinutes(10));

        Assert.DoesNotContain(TaskReminders(s), r => r.Reminder == "task:take-command");
    }

    [Fact]
    public void Snooze_ByChecklistNumber_HoldsTheReminderUntilItEnds()
    {
        var s = Declared();
        s.Wait(TimeSpan.FromMinutes(16));

        var snoozed = s.Ok(People.Bob, new SnoozeCommand("task2", TimeSpan.FromMinutes(20)));

        Assert.Equal("task:blast-radius", Assert.Single(Scenario.EventsOf<ReminderSnoozed>(snoozed)).Reminder);
        s.Wait(TimeSpan.FromMinutes(25));
        Assert.Equal(
            [Scenario.Start.AddMinutes(15), Scenario.Start.AddMinutes(36)],
            TaskReminders(s).Where(r => r.Reminder == "task:blast-radius").Select(r => r.At));
        s.No(People.Bob, new SnoozeCommand("task99", TimeSpan.FromMinutes(20)));
    }

    [Fact]
    public void EnteringAPhase_RemindsItsTasksDueFromThePhase()
    {
        var s = Declared();
        foreach (var task in new[] { 1, 2, 3 })
        {
            s.Ok(People.Alice, new TaskDoneCommand(task, null));
        }

        s.Wait(TimeSpan.FromMinutes(3));
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Investigating, null));
        s.Wait(TimeSpan.FromMinutes(20));
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Mitigated, null));
        s.Wait(TimeSpan.FromMinutes(31));

        // rollback is due 15 minutes into Respond (entered at 3), verify 30 minutes into Recover (entered at 23).
        Assert.Equal(("task:rollback", Scenario.Start.AddMinutes(18)), TaskReminders(s)[0]);
        Assert.Contains(("task:verify", Scenario.Start.AddMinutes(53)), TaskReminders(s));
    }

    [Fact]
    public void TypeChange_MakingTasksDueAtOnce_RemindsAfterTheGracePeriod()
    {
        var s = new Scenario { Plans = TestPlans.Catalog };
        s.Ok(People.Alice, new DeclareCommand("Checkout is down", 1, false));
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        s.Wait(TimeSpan.FromMinutes(40));

        s.Ok(People.Alice, new TypeCommand("breach"));
        s.Wait(TimeSpan.FromMinutes(10));

        // preserve-evidence was due 30 minutes after declaration: past at the change, so reminded 5 minutes after it.
        Assert.Contains(("task:preserve-evidence", Scenario.Start.AddMinutes(45)), TaskReminders(s));
    }

    [Fact]
    public void TaskWithoutOwner_RemindsTheCommander()
    {
        var s = Declared();

        var fired = s.Wait(TimeSpan.FromMinutes(15));

        Assert.Equal(People.Alice, Assert.Single(Scenario.Of<NotifyUser>(fired), n => n.Text.Contains("task 2", StringComparison.Ordinal)).To);
    }
}
