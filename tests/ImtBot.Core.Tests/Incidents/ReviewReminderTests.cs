using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Incidents;
using ImtBot.Core.Paging;

namespace ImtBot.Core.Tests.Incidents;

/// <summary>The review-meeting reminder: scheduled at close by the peak severity's ReviewWithin, sent once if the review is unfinished.</summary>
public class ReviewReminderTests
{
    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 5)]
    public void Close_SchedulesTheReviewByThePeakSeverity(int peak, int days)
    {
        var s = Scenario.Declared(People.Alice, severity: 3);
        s.Ok(People.Alice, new SeverityCommand(peak, "worse"));
        s.Ok(People.Alice, new SeverityCommand(3, "contained"));
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Resolved, null));

        var closed = s.Ok(People.Alice, new CloseCommand());

        var timer = Scenario.Of<ScheduleTimer>(closed).Single(t => t.TimerKey == ReviewReminder.TimerKey);
        Assert.Equal(s.Clock.GetUtcNow() + TimeSpan.FromDays(days), timer.DueAt);
    }

    [Fact]
    public void Close_Sev3_NoReviewDeadline()
    {
        var s = Scenario.Declared(People.Alice, severity: 3);
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Resolved, null));

        Assert.DoesNotContain(Scenario.Of<ScheduleTimer>(s.Ok(People.Alice, new CloseCommand())), t => t.TimerKey == ReviewReminder.TimerKey);
    }

    [Fact]
    public void Due_Unfinished_RemindsTheCommanderOnce_Finished_Nothing()
    {
        var s = Scenario.Declared(People.Alice, severity: 1);
        s.Ok(People.Bob, new RoleCommand("commander", UserArg.Me));
        s.Ok(People.Bob, new TransitionCommand(IncidentStatus.Resolved, null));
        s.Ok(People.Bob, new CloseCommand());
        s.Ok(People.Bob, new ReviewTextCommand("summary", "written"));
        s.Advance(TimeSpan.FromDays(3));

        var due = s.Fire(ReviewReminder.TimerKey);

        var dm = Assert.Single(Scenario.Of<NotifyUser>(due));
        Assert.Equal(People.Bob, dm.To);
        Assert.Contains("still empty: impact start", dm.Text);
        Assert.DoesNotContain("overview", dm.Text);
        Assert.Single(Scenario.Of<PostToChannel>(due));
        Assert.Empty(s.Fire(ReviewReminder.TimerKey).Events);
    }

    [Fact]
    public void Options_ReviewWithinNotPositive_Refused()
    {
        var options = new IncidentOptions();
        options.Policies["SEV1"] = options.Policies["SEV1"] with { ReviewWithin = TimeSpan.Zero };

        var result = new IncidentOptionsValidator().Validate(null, options);

        Assert.Contains("Incidents:Policies:SEV1:ReviewWithin must be positive", result.FailureMessage, StringComparison.Ordinal);
    }
}
