using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Tests.Incidents;

namespace ImtBot.Core.Tests.Paging;

public class ReminderTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Fact]
    public void Declaration_ArmsOneReminderTimer_AtTheEarliestReminder()
    {
        var s = Scenario.Declared();

        // Commander at 5 minutes, comms and ops at 10, the update at 60: one timer, at the first of them.
        Assert.Equal(new ScheduleTimer("reminders", Scenario.Start.AddMinutes(5)), Assert.Single(Scenario.Of<ScheduleTimer>(s.Decisions[0])));
    }

    [Fact]
    public void CommanderReminder_NoCommanderAfterDelay_RemindsDeclarerAndChannelWithSnoozeHint()
    {
        var s = Scenario.Declared(People.Alice);

        var d = Assert.Single(s.Wait(5 * Minute));

        Assert.Equal(Scenario.Start.AddMinutes(5), s.Clock.GetUtcNow());
        var sent = Assert.Single(Scenario.EventsOf<ReminderSent>(d));
        Assert.Equal(("commander", People.Alice), (sent.Reminder, sent.To));
        var notify = Assert.Single(Scenario.Of<NotifyUser>(d));
        Assert.Contains("/incident snooze commander", notify.Text, StringComparison.Ordinal);
        Assert.Equal("commander", notify.Snooze);
        Assert.Single(Scenario.Of<PostToChannel>(d));

        // Re-armed at the next reminder due: the commander again and the two empty roles, all at 10 minutes.
        Assert.Equal(new ScheduleTimer("reminders", Scenario.Start.AddMinutes(10)), Assert.Single(Scenario.Of<ScheduleTimer>(d)));
    }

    [Fact]
    public void RemindersDueTogether_AreSentByOneTimer()
    {
        var s = Scenario.Declared(People.Alice);
        s.Wait(5 * Minute);

        var d = Assert.Single(s.Wait(5 * Minute));

        Assert.Equal(["commander", "role:comms", "role:ops"], Scenario.EventsOf<ReminderSent>(d).Select(r => r.Reminder).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CommanderReminder_CommanderHeld_DoesNothing()
    {
        var s = Scenario.Declared();
        s.Ok(People.Bob, new RoleCommand("commander", UserArg.Me));

        var fired = s.Wait(5 * Minute);

        Assert.All(fired, d => Assert.Empty(d.Events));
        Assert.All(fired, d => Assert.Empty(d.Effects));
    }

    [Fact]
    public void Reminder_IsBounded_StopsAfterMaxReminders()
    {
        var s = Scenario.Declared();

        var sent = Scenario.Reminded(s.Wait(TimeSpan.FromHours(6)));

        Assert.Equal(s.Options.MaxReminders, sent.Count(r => r.Reminder == "commander"));
        Assert.Equal(s.Options.MaxReminders, sent.Count(r => r.Reminder == "update"));
    }

    [Fact]
    public void Reminders_AllSent_ArmNoMoreTimers()
    {
        var s = Scenario.Declared();
        s.Options.MaxReminders = 2;

        var sent = Scenario.Reminded(s.Wait(TimeSpan.FromHours(6)));

        Assert.Equal(2, sent.Count(r => r.Reminder == "commander"));
        Assert.Equal(2, sent.Count(r => r.Reminder == "update"));
        Assert.Empty(s.Timers);
    }

    [Fact]
    public void Reminder_FiredEarly_DoesNothing()
    {
        var s = Scenario.Declared();
        s.Advance(4 * Minute);

        var d = s.Fire("reminders");

        Assert.Empty(d.Events);
        Assert.Empty(d.Effects);
    }

    [Fact]
    public void TimerOfOneReminder_FromBeforeThereWasOneTimer_SendsWhatIsDue()
    {
        var s = Scenario.Declared();
        s.Advance(10 * Minute);

        var d = s.Fire("reminder:role:ops");

        Assert.Equal(["commander", "role:comms", "role:ops"], Scenario.EventsOf<ReminderSent>(d).Select(r => r.Reminder).Order(StringComparer.Ordinal));
        Assert.Equal(new ScheduleTimer("reminders", Scenario.Start.AddMinutes(15)), Assert.Single(Scenario.Of<ScheduleTimer>(d)));
    }

    [Fact]
    public void Snooze_PostponesUntilItEnds()
    {
        var s = Scenario.Declared();
        s.Wait(Minute);
        var snoozed = s.Ok(People.Bob, new SnoozeCommand("commander", TimeSpan.FromMinutes(30)));
        Assert.Equal(Scenario.Start.AddMinutes(31), Assert.Single(Scenario.EventsOf<ReminderSnoozed>(snoozed)).Until);

        Assert.DoesNotContain(Scenario.Reminded(s.Wait(29 * Minute)), r => r.Reminder == "commander");

        var at31 = Scenario.Reminded(s.Wait(Minute));
        Assert.Equal(Scenario.Start.AddMinutes(31), s.Clock.GetUtcNow());
        Assert.Contains(at31, r => r.Reminder == "commander");
    }

    [Fact]
    public void Snooze_ShorterThanTheInterval_DoesNotRemindSooner()
    {
        var s = Scenario.Declared();
        s.Wait(5 * Minute);
        s.Ok(People.Bob, new SnoozeCommand("commander", Minute));

        var sent = Scenario.Reminded(s.Wait(5 * Minute));

        Assert.Equal([Scenario.Start.AddMinutes(10)], s.Events.Where(e => e.Data is ReminderSent { Reminder: "commander" }).Skip(1).Select(e => e.At));
        Assert.Single(sent, r => r.Reminder == "commander");
    }

    [Fact]
    public void Update_MovesTheUpdateReminderLater_WithoutArmingATimer()
    {
        var s = Scenario.Declared(severity: 1);
        s.Ok(People.Bob, new RoleCommand("commander", UserArg.Me));
        s.Ok(People.Carol, new RoleCommand("comms", UserArg.Me));
        s.Ok(People.Dave, new RoleCommand("ops", UserArg.Me));
        s.Wait(20 * Minute);

        // Only the update reminder is pending, at 30 minutes; the update moves it to 50 and arms one timer there.
        var update = s.Ok(People.Carol, new UpdateCommand("All good"));
        Assert.Equal(new ScheduleTimer("reminders", Scenario.Start.AddMinutes(50)), Assert.Single(Scenario.Of<ScheduleTimer>(update)));

        // Another update before the timer: the reminder moves again, and so does the timer.
        s.Wait(5 * Minute);
        var again = s.Ok(People.Carol, new UpdateCommand("Still good"));
        Assert.Equal(new ScheduleTimer("reminders", Scenario.Start.AddMinutes(55)), Assert.Single(Scenario.Of<ScheduleTimer>(again)));

        // The timers at 30 and 50 wake early and do nothing; the one at 55 reminds.
        var fired = s.Wait(30 * Minute);
        Assert.Equal(3, fired.Count);
        Assert.Equal([Scenario.Start.AddMinutes(55)], s.Events.Where(e => e.Data is ReminderSent).Select(e => e.At));
    }

    [Fact]
    public void Snooze_Roles_SnoozesEveryKeyRoleButTheLead()
    {
        var s = Scenario.Declared();

        var d = s.Ok(People.Bob, new SnoozeCommand("roles", TimeSpan.FromMinutes(15)));

        Assert.Equal(["role:comms", "role:ops"], Scenario.EventsOf<ReminderSnoozed>(d).Select(r => r.Reminder));
    }

    [Theory]
    [InlineData("coffee", 10)]
    [InlineData("update", 0)]
    [InlineData("update", 1441)]
    public void Snooze_BadNameOrDuration_Rejected(string name, int minutes)
    {
        var s = Scenario.Declared();

        s.No(People.Bob, new SnoozeCommand(name, TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public void RoleReminder_EmptyKeyRole_RemindsCommander_FilledRoleDoesNothing()
    {
        var s = Scenario.Declared(People.Alice);
        s.Ok(People.Bob, new RoleCommand("commander", UserArg.Me));
        s.Ok(People.Carol, new RoleCommand("comms", UserArg.Me));

        var fired = s.Wait(10 * Minute);

        var notify = Assert.Single(Scenario.Of<NotifyUser>(fired));
        Assert.Equal((People.Bob, "ops"), (notify.To, notify.Snooze));
        Assert.Contains("/incident page ops", Assert.Single(Scenario.Reminded(fired)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void UpdateReminder_GoesToComms_ElseCommander_AndAnUpdateResetsIt()
    {
        var s = Scenario.Declared(People.Alice, severity: 1);
        s.Ok(People.Bob, new RoleCommand("commander", UserArg.Me));
        s.Ok(People.Dave, new RoleCommand("ops", UserArg.Me));
        s.Ok(People.Dave, new SnoozeCommand("comms", TimeSpan.FromHours(2)));
        Assert.Equal(People.Bob, Assert.Single(Scenario.Of<NotifyUser>(s.Wait(30 * Minute))).To);

        s.Ok(People.Carol, new RoleCommand("comms", UserArg.Me));
        s.Ok(People.Carol, new UpdateCommand("All good"));
        Assert.Equal(0, s.Live.ReminderCount.GetValueOrDefault("update"));

        Assert.Empty(Scenario.Reminded(s.Wait(29 * Minute)));
        Assert.Equal(People.Carol, Assert.Single(Scenario.Of<NotifyUser>(s.Wait(Minute))).To);
    }

    [Fact]
    public void UpdateReminder_RecentUpdate_DoesNothing()
    {
        var s = Scenario.Declared(severity: 1);
        s.Advance(20 * Minute);
        s.Ok(People.Bob, new UpdateCommand("progress"));
        s.Advance(10 * Minute);

        var d = s.Fire("reminders");

        Assert.DoesNotContain(Scenario.EventsOf<ReminderSent>(d), r => r.Reminder == "update");
    }

    [Fact]
    public void Reminders_StopOnceResolved()
    {
        var s = Scenario.Declared();
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Resolved, null));
        s.Advance(TimeSpan.FromHours(2));

        Assert.Empty(s.Fire("reminder:commander").Events);
        Assert.Empty(s.Fire("reminder:update").Events);
    }

    [Fact]
    public void Timer_UnknownKey_Rejected()
    {
        var s = Scenario.Declared();

        s.No(UserRef(), new TimerCommand("bogus"));
    }

    [Fact]
    public void Timer_FinalIncident_DoesNothing()
    {
        var s = Scenario.Declared();
        s.Ok(People.Alice, new CancelCommand("false alarm"));
        s.Advance(TimeSpan.FromHours(1));

        var d = s.Fire("reminder:commander");

        Assert.Empty(d.Events);
        Assert.Empty(d.Effects);
    }

    private static Core.Platforms.UserRef UserRef() => Core.Platforms.UserRef.System;
}
