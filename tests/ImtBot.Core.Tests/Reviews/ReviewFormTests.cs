using ImtBot.Core.Commands;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Tests.Incidents;

namespace ImtBot.Core.Tests.Reviews;

/// <summary>The review form: only changed fields are recorded, with the events their own commands record; a bad time changes nothing.</summary>
public class ReviewFormTests
{
    [Fact]
    public void Submit_NewValues_RecordsEachWithItsOwnEvent()
    {
        var s = Scenario.Declared();
        s.Advance(TimeSpan.FromMinutes(30));

        var decision = s.Ok(People.Bob, new ReviewFormCommand("Search queued.", "Pool too small.", "Rolled back.", "08:40", "08:50"));

        Assert.Equal(
            ["review_text_written:summary", "review_text_written:cause", "review_text_written:resolution", "impact_recorded", "detection_recorded"],
            decision.Events.Where(e => e is not ParticipantJoined).Select(Name));
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 40, 0, TimeSpan.Zero), s.Live.ImpactBegan);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 50, 0, TimeSpan.Zero), s.Live.DetectedAt);
        Assert.Equal([People.Bob], s.Live.Written["summary"].Authors);
        Assert.Equal("The INC-42 review was updated: overview, contributing factors, resolution, impact start 2026-11-27 08:40:00 UTC, detected 2026-11-27 08:50:00 UTC.", decision.Reply);
    }

    [Fact]
    public void Submit_PrefilledValuesUnchanged_RecordsOnlyWhatChanged()
    {
        var s = Scenario.Declared();
        s.Ok(People.Alice, new ReviewTextCommand("summary", "Search queued."));
        s.Ok(People.Alice, new ImpactCommand(new TypedTime(new DateTimeOffset(2026, 11, 27, 8, 40, 20, TimeSpan.Zero), null, null), "slow"));
        var before = s.Events.Count;

        var decision = s.Ok(People.Bob, new ReviewFormCommand("Search queued.", "", "Rolled back.", "2026-11-27 08:40", null));

        Assert.Equal(["review_text_written:resolution"], decision.Events.Where(e => e is not ParticipantJoined).Select(Name));
        Assert.Equal([People.Alice], s.Live.Written["summary"].Authors);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 40, 20, TimeSpan.Zero), s.Live.ImpactBegan);
        Assert.True(s.Events.Count > before);
    }

    [Fact]
    public void Submit_NothingChanged_SaysSoAndRecordsNothing()
    {
        var s = Scenario.Declared();
        var before = s.Events.Count;

        var decision = s.Ok(People.Bob, new ReviewFormCommand("", null, "  ", null, ""));

        Assert.Equal("Nothing changed in the INC-42 review: the form matches what is recorded.", decision.Reply);
        Assert.Equal(before, s.Events.Count);
    }

    [Theory]
    [InlineData("yesterday", null, "Impact start: `yesterday` is not a time: write `08:55` (UTC), `2026-11-27 08:55`, `2026-11-27T08:55Z` or `20m ago`. Nothing was changed.")]
    [InlineData(null, "2026-11-27 10:00", "Detected: 2026-11-27 10:00:00 UTC is in the future (it is 2026-11-27 09:00:00 UTC): say when it was detected, in UTC — `08:55` (UTC), `2026-11-27 08:55`, `2026-11-27T08:55Z` or `20m ago`. Nothing was changed.")]
    [InlineData("08:50", "08:40", "The impact cannot begin (2026-11-27 08:50:00 UTC) after it was detected (2026-11-27 08:40:00 UTC): correct one of the two times. Nothing was changed.")]
    public void Submit_BadTime_RefusedWithWhatWouldWork_AndNothingChanged(string? impact, string? detected, string reason)
    {
        var s = Scenario.Declared();
        var before = s.Events.Count;

        var decision = s.No(People.Bob, new ReviewFormCommand("A new overview", null, null, impact, detected));

        Assert.Equal(reason, decision.Reply);
        Assert.Equal(before, s.Events.Count);
        Assert.False(s.Live.Written.ContainsKey("summary"));
    }

    [Fact]
    public void Submit_AfterClose_IsReviewWork()
    {
        var s = Scenario.Declared();
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Resolved, null));
        s.Ok(People.Alice, new CloseCommand());

        s.Ok(People.Bob, new ReviewFormCommand("Written in the review meeting.", null, null, null, null));

        Assert.Equal("Written in the review meeting.", s.Live.Written["summary"].Text);
    }

    private static string Name(EventData e) => e is ReviewTextWritten w ? "review_text_written:" + w.Section : EventTypeNames.Of(e.GetType());
}
