using ImtBot.Cards;
using ImtBot.Cards.Models;
using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Reviews;
using ImtBot.Core.Tests.Incidents;
using static ImtBot.Core.Tests.Reviews.ScriptedIncidents;

namespace ImtBot.Core.Tests.Reviews;

/// <summary>What a review meeting noticed at once when the review of a first real incident was read (INC-12).</summary>
public class ReviewFirstTryTests
{
    private static readonly string Markdown = ReviewWriter.ToMarkdown(FirstTry().Events);

    [Fact]
    public void Acknowledged_DeclarerTakingCommand_IsNotAnAcknowledgement()
    {
        Assert.Contains("| Commander in place | 2026-11-27 09:00:38 | 38s |", Markdown);
        Assert.Contains("| Acknowledged | 2026-11-27 10:05:30 | 1h 5m 30s |", Markdown);
        Assert.Contains("| Time to a commander | 38s |", Markdown);
        Assert.DoesNotContain("acknowledged in 38s", Markdown);
    }

    [Fact]
    public void WhatWentWell_NoPage_ClaimsNoAcknowledgement()
    {
        var markdown = ReviewWriter.ToMarkdown(Drill().Events);

        Assert.DoesNotContain("acknowledged in", markdown);
        Assert.Contains("| Time to acknowledge | — (nobody was paged) |", markdown);
    }

    [Fact]
    public void Pages_SummarisedPerPerson_WithTimeToAnswer_AndNoInternalIds()
    {
        Assert.Contains("- 3 sent: 1 acknowledged, 1 declined, 1 expired.", Markdown);
        Assert.Contains("| @Bob | ops | 2026-11-27 09:01:00 | expired unanswered | 1h 0m 0s |", Markdown);
        Assert.Contains("| @Carol | ops (round 2) | 2026-11-27 10:01:00 | acknowledged | 4m 30s |", Markdown);
        Assert.Contains("| @Dan | comms | 2026-11-27 10:06:00 | declined | 1m 0s |", Markdown);
        Assert.Contains("- From the log: the first page was acknowledged by @Carol in 4m 30s, within its timeout of 1h 0m 0s.", Markdown);
        Assert.DoesNotContain("p2", Markdown);
    }

    [Fact]
    public void Decline_IsAnAnswer_NotCountedAsAMiss()
    {
        Assert.Contains("| Pages that expired unanswered | 1 | 0 |", Markdown);
        Assert.Contains("- From the log: 1 page expired unanswered.", Markdown);
        Assert.DoesNotContain("declined or expired", Markdown);
    }

    [Fact]
    public void Headline_ShowsPeakAndFinalSeverity_AndReviewFollowsThePeak()
    {
        Assert.Contains("| Severity | SEV1 — Critical: customers cannot use the product; SEV4 at the end (declared as SEV4) |", Markdown);
        Assert.Contains("| Review | required (SEV1 at its peak) |", Markdown);

        var card = ReviewCardModel.From(Incident.Replay(FirstTry().Events), CardText.For(PlatformNames.Slack));
        Assert.Equal("required (SEV1 at its peak)", card.Numbers.Single(n => n.Label == "Review").Text);
    }

    [Fact]
    public void Cause_TypedWithIdentified_PreFillsContributingFactors()
    {
        var factors = Markdown[Markdown.IndexOf("## Contributing factors", StringComparison.Ordinal)..];

        Assert.StartsWith("## Contributing factors\n\n- Cause, as noted when identified (2026-11-27 10:15:00 by @Alice): connection pool exhausted after the 08:55 deploy\n", factors);
    }

    [Fact]
    public void Padding_NoJoinedRows_NoRepeatedPageText_NoStillHoldingAfterClose()
    {
        Assert.DoesNotContain("@Alice joined", Markdown);
        Assert.DoesNotContain("@Carol joined", Markdown);
        Assert.Equal(2, Markdown.Split("Please look at the search database").Length);
        Assert.DoesNotContain("still holding", Markdown);
        Assert.Contains("| commander | @Alice | 2026-11-27 09:00:38 | — | 1h 39m 22s | held at the close |", Markdown);
    }

    [Fact]
    public void ReviewCard_CountsPagesAsTheReviewDoes()
    {
        var review = ReviewModel.From(FirstTry().Events);
        var card = ReviewCardModel.From(Incident.Replay(FirstTry().Events), CardText.For(PlatformNames.Slack));

        Assert.Equal(review.PageTally.ToString(), card.Numbers.Single(n => n.Label == "Pages").Text);
        Assert.Contains("- " + review.PageTally + ".", Markdown);
    }

    [Fact]
    public void UserText_CommonSymbols_NotEscaped()
    {
        Assert.Contains("| 2026-11-27 10:10:00 | SEV4 → SEV1 | error rate > 5% for ~40% of users | @Alice |", Markdown);
        Assert.DoesNotContain("\\~", Markdown);
        Assert.DoesNotContain("\\>", Markdown);
        Assert.Equal("\\> quoted", MarkdownText.Escape("> quoted"));
        Assert.Equal("\\~\\~struck\\~\\~", MarkdownText.Escape("~~struck~~"));
    }

    [Fact]
    public void Actions_AfterClose_AddedAndDone()
    {
        var s = Scenario.Declared(People.Alice);
        s.Ok(People.Alice, new ActionCommand("add an alert", People.Arg(People.Bob), null));
        s.Ok(People.Alice, new TransitionCommand(IncidentStatus.Resolved, null));
        s.Ok(People.Alice, new CloseCommand());

        s.Ok(People.Bob, new ActionDoneCommand(1));
        s.Ok(People.Carol, new ActionCommand("write the runbook", null, null));

        Assert.Equal(IncidentStatus.Closed, s.Live.Status);
        Assert.Equal([true, false], s.Live.Actions.Select(a => a.Done));
        s.No(People.Alice, new NoteCommand("closed incidents take no notes"));
    }
}
