using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Paging;
using ImtBot.Core.Reviews;

namespace ImtBot.Core.Tests.Incidents;

/// <summary>Follow-up actions after the close: assign, cancel, done, and the bounded, snoozable overdue reminder.</summary>
public class FollowUpActionTests
{
    private static readonly DateOnly Due = new(2026, 11, 30);

    private static Scenario Closed()
    {
        var s = Scenario.Declared(People.Alice);
        s.Ok(People.Alice, new ActionCommand("add an alert", People.Arg(People.Bob), Due));
        s.Ok(People.Alice, new ActionCommand("write the runbook", null, null));
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Resolved, null));
        s.Ok(People.Alice, new CloseCommand());
        return s;
    }

    [Theory]
    [InlineData("action assign 2 @carol", typeof(ActionAssignCommand))]
    [InlineData("action INC-4 assign 2 me", typeof(ActionAssignCommand))]
    [InlineData("action cancel 3 covered by #1", typeof(ActionCancelCommand))]
    [InlineData("actions", typeof(ActionsCommand))]
    [InlineData("actions me", typeof(ActionsCommand))]
    [InlineData("actions overdue", typeof(ActionsCommand))]
    public void Parse_ActionChanges(string text, Type expected)
    {
        Assert.IsType(expected, CommandParser.Parse(text).Command);
    }

    [Theory]
    [InlineData("action assign 2", "Usage: `action assign <n> <@user|me>`")]
    [InlineData("action assign x @carol", "Usage: `action assign <n> <@user|me>`")]
    [InlineData("action cancel", "Usage: `action cancel <n> [reason]`")]
    [InlineData("actions tomorrow", "Usage: `actions [@user|me|overdue]`")]
    public void Parse_Malformed_UsageOfThatEntry(string text, string usage)
    {
        Assert.Contains(usage, CommandParser.Parse(text).Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWithOwnerAndDue_SchedulesTheOverdueReminder()
    {
        var s = Scenario.Declared(People.Alice);

        var d = s.Ok(People.Alice, new ActionCommand("add an alert", People.Arg(People.Bob), Due));

        var timer = Assert.Single(Scenario.Of<ScheduleTimer>(d));
        Assert.Equal("action:1", timer.TimerKey);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), timer.DueAt);
    }

    [Fact]
    public void AfterClose_AssignCancelAndDone_RecordedInTheChain()
    {
        var s = Closed();

        var assigned = s.Ok(People.Alice, new ActionAssignCommand(2, People.Arg(People.Carol)));
        s.Ok(People.Alice, new ActionCommand("duplicate", null, null));
        s.Ok(People.Alice, new ActionCancelCommand(3, "same as #2"));
        s.Ok(People.Bob, new ActionDoneCommand(1));

        Assert.Equal(People.Carol, Assert.Single(Scenario.Of<NotifyUser>(assigned)).To);
        Assert.Contains("already done", s.No(People.Bob, new ActionDoneCommand(1)).Reply);
        Assert.Contains("was cancelled", s.No(People.Bob, new ActionDoneCommand(3)).Reply);
        Assert.Contains("was cancelled", s.No(People.Bob, new ActionAssignCommand(3, People.Arg(People.Bob))).Reply);
        Assert.Contains("has no action #9", s.No(People.Bob, new ActionCancelCommand(9, null)).Reply);
        Assert.True(ChainVerifier.Verify(s.Events).Valid);

        var markdown = ReviewWriter.ToMarkdown(s.Events);
        Assert.Contains("| 1 | add an alert | @Bob | 2026-11-30 | Done ", markdown);
        Assert.Contains("| 2 | write the runbook | @Carol | — | Open |", markdown);
        Assert.Contains("| 3 | duplicate | **unowned** | — | Cancelled 2026-11-27 09:00:00: same as #2 |", markdown);
    }

    [Fact]
    public void Overdue_RemindsTheOwnerByDirectMessage_AtMostMaxReminders()
    {
        var s = Closed();
        s.Advance(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero) - s.Clock.GetUtcNow());

        var sent = new List<Decision>();
        for (var day = 0; day < 5; day++)
        {
            sent.Add(s.Fire("action:1"));
            s.Advance(ActionReminders.Interval);
        }

        var reminded = sent.Where(d => d.Events.Count > 0).ToList();
        Assert.Equal(s.Options.MaxReminders, reminded.Count);
        var dm = Assert.Single(Scenario.Of<NotifyUser>(reminded[0]));
        Assert.Equal(People.Bob, dm.To);
        Assert.Contains("was due 2026-11-30 and is still open", dm.Text);
        Assert.Contains("`/incident action INC-42 done 1`", dm.Text);
        Assert.Equal("action-1", dm.Snooze);
        Assert.Equal("action:1", Assert.Single(Scenario.Of<ScheduleTimer>(reminded[0])).TimerKey);
        Assert.Empty(Scenario.Of<ScheduleTimer>(reminded[^1]));
    }

    [Fact]
    public void Overdue_NotDueYet_DoneOrSnoozed_NoReminder()
    {
        var s = Closed();
        Assert.Empty(s.Fire("action:1").Events);

        s.Advance(TimeSpan.FromDays(4));
        var snoozed = s.Ok(People.Bob, new SnoozeCommand("action-1", TimeSpan.FromHours(2)));
        Assert.Equal("action:1", Assert.Single(Scenario.Of<ScheduleTimer>(snoozed)).TimerKey);
        Assert.Empty(s.Fire("action:1").Events);

        s.Advance(TimeSpan.FromHours(2));
        Assert.Single(s.Fire("action:1").Events);

        s.Ok(People.Bob, new ActionDoneCommand(1));
        s.Advance(TimeSpan.FromDays(1));
        Assert.Empty(s.Fire("action:1").Events);
    }
}
