using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;

namespace ImtBot.Core.Tests.Incidents;

public class TimelineTests
{
    [Fact]
    public void Update_PostsToStakeholdersAndSyncsCard()
    {
        var s = Scenario.Declared();

        var d = s.Ok(People.Bob, new UpdateCommand("  recovering  "));

        Assert.Equal(new PostStatusUpdate("recovering", People.Bob), Assert.Single(Scenario.Of<PostStatusUpdate>(d)));
        Assert.Single(Scenario.Of<SyncIncidentCard>(d));
        Assert.Equal("recovering", Assert.Single(s.Live.Updates).Text);
    }

    [Fact]
    public void Update_LongerThanACardShows_RejectedSayingTheLimit()
    {
        var s = Scenario.Declared();
        var version = s.Live.Version;

        var reply = s.No(People.Bob, new UpdateCommand(new string('x', IncidentDecider.MaxTextLength + 1))).Reply;

        Assert.Contains("3,000", reply, StringComparison.Ordinal);
        Assert.Equal(version, s.Live.Version);
        s.Ok(People.Bob, new NoteCommand(new string('x', IncidentDecider.MaxTextLength)));
    }

    [Fact]
    public void Note_OnTimelineOnly()
    {
        var s = Scenario.Declared();

        var d = s.Ok(People.Bob, new NoteCommand("rolled back"));

        Assert.Empty(d.Effects);
        Assert.Equal("rolled back", Assert.Single(s.Live.Notes).Text);
    }

    [Fact]
    public void Action_WithOwner_NotifiesOwner_ThenDone()
    {
        var s = Scenario.Declared();

        var d = s.Ok(People.Alice, new ActionCommand("add alert", People.Arg(People.Bob), new DateOnly(2026, 12, 15)));
        Assert.Equal(People.Bob, Assert.Single(Scenario.Of<NotifyUser>(d)).To);
        Assert.Contains("#1", d.Reply, StringComparison.Ordinal);

        s.Ok(People.Bob, new ActionDoneCommand(1));
        Assert.True(s.Live.Actions[0].Done);
        s.No(People.Bob, new ActionDoneCommand(1));
        s.No(People.Bob, new ActionDoneCommand(9));
    }

    [Fact]
    public void Close_UnownedOpenActions_RemindsCommander_PostsReviewAndArchivesLater()
    {
        var s = Scenario.Declared();
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        s.Ok(People.Alice, new ActionCommand("write runbook", null, null));
        s.Ok(People.Alice, new ActionCommand("owned", People.Arg(People.Bob), null));
        s.Ok(People.Alice, new ActionCommand("done one", null, null));
        s.Ok(People.Alice, new ActionDoneCommand(3));
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Resolved, null));

        var d = s.Ok(People.Alice, new CloseCommand());

        Assert.IsType<PostReview>(d.Effects[0]);
        Assert.Equal(new ArchiveChannel(s.Clock.GetUtcNow() + TimeSpan.FromDays(7)), Assert.Single(Scenario.Of<ArchiveChannel>(d)));
        var reminder = Assert.Single(Scenario.EventsOf<ReminderSent>(d));
        Assert.Equal(("actions", People.Alice), (reminder.Reminder, reminder.To));
        Assert.Contains("#1 write runbook", reminder.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("#3", reminder.Text, StringComparison.Ordinal);
        Assert.Single(Scenario.Of<NotifyUser>(d));
        Assert.Equal(IncidentStatus.Closed, s.Live.Status);
    }

    [Fact]
    public void Close_ArchiveAfterOption_IsUsed()
    {
        var s = Scenario.Declared();
        s.Options.ArchiveAfter = TimeSpan.FromDays(1);
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Resolved, null));

        var d = s.Ok(People.Alice, new CloseCommand());

        Assert.Equal(s.Clock.GetUtcNow().AddDays(1), Assert.Single(Scenario.Of<ArchiveChannel>(d)).At);
        Assert.Empty(Scenario.EventsOf<ReminderSent>(d));
    }

    [Fact]
    public void MessageCapture_PinEditDelete_RecordedAsNewEvents()
    {
        var s = Scenario.Declared();
        var at = Scenario.Start.AddMinutes(-3);

        s.Ok(People.Bob, new MessageCaptureCommand("slack", "m1", People.Carol, at, "cache?", "pinned"));
        Assert.Empty(s.Ok(People.Bob, new MessageCaptureCommand("slack", "m1", People.Carol, at, "cache?", "pinned")).Events);
        s.Ok(People.Bob, new MessageCaptureCommand("slack", "m1", People.Carol, at, "cache!", "edited"));
        s.Ok(People.Bob, new MessageCaptureCommand("slack", "m1", People.Carol, at, "", "deleted"));
        Assert.Empty(s.Ok(People.Bob, new MessageCaptureCommand("slack", "m2", People.Carol, at, "x", "edited")).Events);
        s.No(People.Bob, new MessageCaptureCommand("slack", "m1", People.Carol, at, "x", "starred"));

        Assert.Equal(["message_captured", "message_edited", "message_deleted"], s.Events.Select(e => e.Type).Where(t => t.StartsWith("message", StringComparison.Ordinal)));
        Assert.Equal(at, s.Events.Select(e => e.Data).OfType<MessageCaptured>().Single().PostedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void EmptyTexts_RejectedWithUsage(string text)
    {
        var s = Scenario.Declared();

        Assert.Contains("/incident update", s.No(People.Bob, new UpdateCommand(text)).Reply, StringComparison.Ordinal);
        Assert.Contains("/incident note", s.No(People.Bob, new NoteCommand(text)).Reply, StringComparison.Ordinal);
        Assert.Contains("/incident action", s.No(People.Bob, new ActionCommand(text, null, null)).Reply, StringComparison.Ordinal);
    }
}
