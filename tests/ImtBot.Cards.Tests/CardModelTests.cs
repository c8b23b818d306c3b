using ImtBot.Cards;
using ImtBot.Cards.Gallery;
using ImtBot.Cards.Models;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Cards.Tests;

public sealed class CardModelTests
{
    [Theory]
    [InlineData(IncidentStatus.Declared, "role INC-41 commander me|investigating INC-41|timeline INC-41")]
    [InlineData(IncidentStatus.Investigating, "role INC-41 commander me|identified INC-41|mitigated INC-41|timeline INC-41")]
    [InlineData(IncidentStatus.Identified, "role INC-41 commander me|mitigated INC-41|timeline INC-41")]
    [InlineData(IncidentStatus.Mitigated, "role INC-41 commander me|resolved INC-41|timeline INC-41")]
    [InlineData(IncidentStatus.Resolved, "close INC-41|reopen INC-41|timeline INC-41")]
    [InlineData(IncidentStatus.Closed, "review INC-41|timeline INC-41")]
    [InlineData(IncidentStatus.Cancelled, "timeline INC-41")]
    public void NextSteps_EachState_OffersTheMovesThatFit(IncidentStatus status, string commands)
    {
        var incident = DeclaredThenMovedTo(status);

        var actions = IncidentCardModel.NextSteps(incident);

        Assert.Equal(commands.Split('|'), actions.Select(a => a.Command));
    }

    /// <summary>The declared sample with its status moved along the lifecycle to <paramref name="status"/> by events.</summary>
    private static Incident DeclaredThenMovedTo(IncidentStatus status)
    {
        var log = SampleIncidents.Logs(PlatformNames.Teams).Single(l => l.Name == "declared").Events.ToList();
        IncidentStatus[] path = status switch
        {
            IncidentStatus.Declared => [],
            IncidentStatus.Closed => [IncidentStatus.Resolved, IncidentStatus.Closed],
            _ => [status],
        };
        var from = IncidentStatus.Declared;
        foreach (var to in path)
        {
            var last = log[^1];
            log.Add(EventChain.Append(last.Hash, last.Incident, last.Sequence + 1, last.At.AddMinutes(1), last.Actor, new StatusChanged(from, to, null)));
            from = to;
        }

        var state = Incident.Replay(log);
        Assert.Equal(status, state.Status);
        return state;
    }

    [Fact]
    public void NextSteps_CommanderPresent_DoesNotOfferToTakeCommand()
    {
        var actions = IncidentCardModel.NextSteps(SampleIncidents.Active(PlatformNames.Teams));

        Assert.DoesNotContain(actions, a => a.Command.StartsWith("role ", StringComparison.Ordinal));
    }

    [Fact]
    public void RoleRows_EmptyRoles_AreHighlightedAndFilledOnesNameTheHolder()
    {
        var incident = SampleIncidents.Drill(PlatformNames.Slack);

        var rows = IncidentCardModel.RoleRows(incident, CardText.Slack);

        Assert.Equal(["commander", "deputy", "comms", "ops", "scribe"], rows.Select(r => r.Role));
        Assert.True(rows[0].Filled);
        Assert.StartsWith("<@U0", rows[0].Holder, StringComparison.Ordinal);
        Assert.All(rows.Skip(1), r => Assert.Equal((false, "Attention", CardText.Slack.Vacant), (r.Filled, r.Color, r.Holder)));
    }

    [Fact]
    public void IncidentSummary_HostileTitle_FitsTheSlackHeaderAndIsEscapedForMrkdwn()
    {
        var incident = SampleIncidents.Hostile(PlatformNames.Slack);

        var summary = IncidentSummary.From(incident, CardText.Slack);

        Assert.Equal(300, incident.Title.Length, tolerance: 2);
        Assert.True(summary.Header.Length <= IncidentSummary.HeaderMax);
        Assert.StartsWith("&lt;!channel&gt; @here \"quotes\" &lt;/script&gt;", summary.Title, StringComparison.Ordinal);
        Assert.True(summary.IsDrill == false && summary.Severity == "SEV1");
    }

    [Fact]
    public void CardAction_Styles_MapToSlackStyles()
    {
        Assert.Equal(("primary", "btn-ack-INC-1"), (CardAction.Of("Ack", "ack INC-1", "positive").SlackStyle, CardAction.Of("Ack", "ack INC-1").Id));
        Assert.Equal("danger", CardAction.Of("No", "decline INC-1", "destructive").SlackStyle);
        Assert.Equal("", CardAction.Of("Status", "status INC-1").SlackStyle);
    }

    [Fact]
    public void DeclareForm_Severities_ComeFromThePolicies()
    {
        var options = new IncidentOptions { DefaultSeverity = 2 };

        var model = DeclareFormModel.From(options, CardText.Teams);

        Assert.Equal(["sev1", "sev2", "sev3", "sev4"], model.Severities.Select(s => s.Value));
        Assert.Equal("sev2", model.DefaultSeverity.Value);
        Assert.All(model.Severities, s => Assert.True(s.Label.Length <= 75));
    }
}
