using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;
using ImtBot.Core.Reviews;
using ImtBot.Core.Tests.Incidents;
using static ImtBot.Core.Tests.Reviews.ScriptedIncidents;

namespace ImtBot.Core.Tests.Reviews;

/// <summary>The review's facts (impact, detection) and words (overview, cause, resolution): parsed, decided, written.</summary>
public class ReviewNarrativeTests
{
    private static readonly string Markdown = ReviewWriter.ToMarkdown(Reviewed().Events);

    [Fact]
    public void ImpactBeforeDeclaration_WindowAndTimeToDetect()
    {
        Assert.Contains("| Impact began | 2026-11-27 08:35:00 | -25m 0s |", Markdown);
        Assert.Contains("| Detected | 2026-11-27 08:45:00 | -15m 0s |", Markdown);
        Assert.Contains("| Time to detect (impact began → detected) | 10m 0s |", Markdown);
        Assert.Contains("- Impact window (impact began → mitigated): 1h 45m 0s", Markdown);
        Assert.Contains("Search took over 10 s for ~40% of queries _(recorded by @Alice)_", Markdown);
    }

    [Fact]
    public void Sections_ShowWhoWroteThem()
    {
        Assert.Contains("## Overview\n\nA deploy shrank the search database pool; searches queued for 1h 45m.\n\n_Written by @Alice, last on 2026-11-28 09:00:20._", Markdown);
        Assert.Contains("The 08:55 deploy set the pool size to 5 (was 50).\nNo alert watched pool saturation.\n\n_Written by @Carol, @Alice, last on 2026-11-28 09:00:40._", Markdown);
        Assert.Contains("## Resolution\n\nRolled back the deploy; the pool size is now checked in CI.\n\n_Written by @Carol,", Markdown);
    }

    [Fact]
    public void StillEmpty_ListsWhatIsMissing_UntilEverythingIsWritten()
    {
        var first = ReviewWriter.StillEmpty(ReviewModel.From(FirstTry().Events));

        Assert.Equal("Still empty: Overview (`summary <text>`); when the impact began (`impact <time> [text]`); when it was detected (`detected <time>`); " +
            "Contributing factors (only the `identified` note so far: `cause <text>`); Resolution (`resolution <text>`); Action items (`action <text> @owner due <yyyy-mm-dd>`).\n\n", first);
        Assert.Equal("Every section of the review is filled in.\n\n", ReviewWriter.StillEmpty(ReviewModel.From(Reviewed().Events)));
    }

    [Fact]
    public void Resolution_PreFilledFromTheMitigatedNote()
    {
        var markdown = ReviewWriter.ToMarkdown(FirstTry().Events);

        Assert.Contains("## Resolution\n\n- As noted when it was mitigated or resolved (2026-11-27 10:20:00 by @Carol): rolled back the 08:55 deploy\n\n_Not written yet:", markdown);
    }

    [Theory]
    [InlineData("impact 08:40 EU payments failing", "2026-11-27T08:40:00+00:00", "EU payments failing")]
    [InlineData("impact 2026-11-26 23:10", "2026-11-26T23:10:00+00:00", null)]
    [InlineData("impact 2026-11-27T08:40Z", "2026-11-27T08:40:00+00:00", null)]
    [InlineData("impact 25m ago slow", "2026-11-27T08:35:00+00:00", "slow")]
    [InlineData("impact 09:30", "2026-11-26T09:30:00+00:00", null)]
    public void Impact_Parsed_ResolvedAgainstTheClock(string text, string expected, string? description)
    {
        var command = Assert.IsType<ImpactCommand>(CommandParser.Parse(text).Command);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), command.Began.Resolve(Start));
        Assert.Equal(description, command.Description);
    }

    [Theory]
    [InlineData("impact")]
    [InlineData("impact yesterday")]
    [InlineData("detected 08:40 extra")]
    [InlineData("summary")]
    [InlineData("cause")]
    [InlineData("resolution")]
    public void Malformed_UsageFromTheTable(string text)
    {
        var result = CommandParser.Parse(text);

        Assert.Null(result.Command);
        Assert.Contains("Usage: `" + text.Split(' ')[0] + " ", result.Usage, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_BadTimes_RejectedWithWhatWouldWork()
    {
        var s = Scenario.Declared(People.Alice);
        s.Clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Contains("is in the future", s.No(People.Alice, Impact("10m ago", -20)).Reply);
        Assert.Contains("more than 30 days before", s.No(People.Alice, new ImpactCommand(new TypedTime(Scenario.Start.AddDays(-31), null, null), null)).Reply);
        Assert.Contains("detected then or earlier", s.No(People.Alice, new DetectedCommand(Ago(10))).Reply);

        s.Ok(People.Alice, new DetectedCommand(Ago(40)));
        Assert.Contains("cannot begin after it was detected", s.No(People.Alice, new ImpactCommand(Ago(35), null)).Reply);
        s.Ok(People.Alice, new ImpactCommand(Ago(50), "checkout down"));
        Assert.Equal(Scenario.Start.AddMinutes(-20), s.Live.ImpactBegan);
        Assert.Equal(Scenario.Start.AddMinutes(-10), s.Live.DetectedAt);
    }

    [Fact]
    public void Decide_AfterClose_ReviewWorkAccepted_SecondWriterAdded()
    {
        var s = Scenario.Declared(People.Alice);
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Resolved, null));
        s.Ok(People.Alice, new CloseCommand());

        s.Ok(People.Alice, new ReviewTextCommand("cause", "first"));
        var again = s.Ok(People.Bob, new ReviewTextCommand("cause", "second"));
        s.Ok(People.Alice, new ImpactCommand(Ago(5), null));

        Assert.Contains("replaced", again.Reply);
        Assert.Equal("second", s.Live.Written["cause"].Text);
        Assert.Equal([People.Alice, People.Bob], s.Live.Written["cause"].Authors);
    }

    private static TypedTime Ago(int minutes) => new(null, null, TimeSpan.FromMinutes(minutes));

    private static ImpactCommand Impact(string _, int minutesAgo) => new(Ago(minutesAgo), null);
}
