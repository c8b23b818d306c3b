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
    public void CommanderReminder_NoCommanderAfterDelay_RemindsDeclarerAndChannelWithSnoozeHint()
    {
        var s = Scenario.Declared(People.Alice);
        s.Advance(5 * Minute);

        var d = s.Fire("reminder:commander");

        var sent = Assert.Single(Scenario.EventsOf<ReminderSent>(d));
        Assert.Equal(("commander", People.Alice), (sent.Reminder, sent.To));
        var notify = Assert.Single(Scenario.Of<NotifyUser>(d));
        Assert.Contains("/incident snooze commander", notify.Text, StringComparison.Ordinal);
        Assert.Equal("commander", notify.Snooze);
        Assert.Single(Scenario.Of<PostToChannel>(d));
        Assert.Equal(new ScheduleTimer("reminder:commander", s.Clock.GetUtcNow() + 5 * Minute), Assert.Single(Scenario.Of<ScheduleTimer>(d)));
    }

    [Fact]
    public void CommanderReminder_CommanderHeld_DoesNothing()
    {
        var s = Scenario.Declared();
        s.Ok(People.Bob, new RoleCommand("commander", UserArg.Me));
        s.Advance(5 * Minute);

        var d = s.Fire("reminder:commander");

        Assert.Empty(d.Events);
        Assert.Empty(d.Effects);
    }

    [Fact]
    public void Reminder_IsBounded_StopsAfterMaxReminders()
    {
        var s = Scenario.Declared();
        var sent = 0;

        for (var i = 0; i < 6; i++)
        {
            s.Advance(5 * Minute);
            sent += Scenario.EventsOf<ReminderSent>(s.Fire("reminder:commander")).Count;
        }

        Assert.Equal(s.Options.MaxReminders, sent);
    }

    [Fact]
    public void Reminder_LastOne_DoesNotRearm()
    {
        var s = Scenario.Declared();
        s.Options.MaxReminders = 2;
        s.Advance(5 * Minute);
        Assert.Single(Scenario.Of<ScheduleTimer>(s.Fire("reminder:commander")));
        s.Advance(5 * Minute);

        var last = s.Fire("reminder:commander");

        Assert.Single(Scenario.EventsOf<ReminderSent>(last));
        Assert.Empty(Scenario.Of<ScheduleTimer>(last));
    }

    [Fact]
    public void Reminder_FiredEarly_DoesNothing()
    {
        var s = Scenario.Declared();
        s.Advance(4 * Minute);

        var d = s.Fire("reminder:commander");

        Assert.Empty(d.Events);
    }

    [Fact]
    public void Snooze_PostponesUntilItEnds()
    {
        var s = Scenario.Declared();
        s.Advance(Minute);
        var snoozed = s.Ok(People.Bob, new SnoozeCommand("commander", TimeSpan.FromMinutes(30)));
        Assert.Equal(new ScheduleTimer("reminder:commander", Scenario.Start.AddMinutes(31)), Assert.Single(Scenario.Of<ScheduleTimer>(snoozed)));
        Assert.Equal(Scenario.Start.AddMinutes(31), Assert.Single(Scenario.EventsOf<ReminderSnoozed>(snoozed)).Until);

        s.Advance(4 * Minute);
        Assert.Empty(s.Fire("reminder:commander").Events);

        s.Advance(26 * Minute);
        Assert.Single(Scenario.EventsOf<ReminderSent>(s.Fire("reminder:commander")));
    }

    [Fact]
    public void Snooze_ShorterThanTheInterval_DoesNotRemindSooner()
    {
        var s = Scenario.Declared();
        s.Advance(5 * Minute);
        s.Fire("reminder:commander");
        s.Ok(People.Bob, new SnoozeCommand("commander", Minute));

        s.Advance(Minute);
        Assert.Empty(s.Fire("reminder:commander").Events);
        s.Advance(4 * Minute);
        Assert.Single(Scenario.EventsOf<ReminderSent>(s.Fire("reminder:commander")));
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
        s.Advance(10 * Minute);

        var ops = s.Fire("reminder:role:ops");
        var comms = s.Fire("reminder:role:comms");

        Assert.Equal((People.Bob, "ops"), (Assert.Single(Scenario.Of<NotifyUser>(ops)).To, Assert.Single(Scenario.Of<NotifyUser>(ops)).Snooze));
        Assert.Contains("/incident page ops", Assert.Single(Scenario.EventsOf<ReminderSent>(ops)).Text, StringComparison.Ordinal);
        Assert.Empty(comms.Events);
        Assert.Empty(comms.Effects);
    }

    [Fact]
    public void UpdateReminder_GoesToComms_ElseCommander_AndAnUpdateResetsIt()
    {
        var s = Scenario.Declared(People.Alice, severity: 1);
        s.Ok(People.Bob, new RoleCommand("commander", UserArg.Me));
        s.Advance(30 * Minute);
        Assert.Equal(People.Bob, Assert.Single(Scenario.Of<NotifyUser>(s.Fire("reminder:update"))).To);

        s.Ok(People.Carol, new RoleCommand("comms", UserArg.Me));
        var update = s.Ok(People.Carol, new UpdateCommand("All good"));
        Assert.Equal(new ScheduleTimer("reminder:update", s.Clock.GetUtcNow() + 30 * Minute), Assert.Single(Scenario.Of<ScheduleTimer>(update)));
        Assert.Equal(0, s.Live.ReminderCount.GetValueOrDefault("update"));

        s.Advance(29 * Minute);
        Assert.Empty(s.Fire("reminder:update").Events);
        s.Advance(Minute);
        var d = s.Fire("reminder:update");
        Assert.Equal(People.Carol, Assert.Single(Scenario.Of<NotifyUser>(d)).To);
    }

    [Fact]
    public void UpdateReminder_RecentUpdate_DoesNothing()
    {
        var s = Scenario.Declared(severity: 1);
        s.Advance(20 * Minute);
        s.Ok(People.Bob, new UpdateCommand("progress"));
        s.Advance(10 * Minute);

        var d = s.Fire("reminder:update");

        Assert.Empty(d.Events);
        Assert.Empty(d.Effects);
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
