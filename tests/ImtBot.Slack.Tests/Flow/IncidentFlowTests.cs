using System.Text.Json.Nodes;
using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Slack.Platform;
using ImtBot.Slack.Tests.Fakes;
using ImtBot.Slack.Tests.Platform;

namespace ImtBot.Slack.Tests.Flow;

/// <summary>
/// An incident's life in Slack as the adapter sees it, once over HTTP request URLs and once over Socket Mode: declare,
/// channel + pinned card + page + announcement, the page acknowledged from the DM, a message captured with a pushpin,
/// a stakeholder update, then the review and the archive. The core is a test double here; the effects are the ones the
/// domain emits for these commands.
/// </summary>
public sealed class IncidentFlowTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Incident_WholeLife_WorksInSlack(bool socketMode)
    {
        await using var host = await SlackTestHost.StartAsync(socketMode: socketMode);
        host.Fake.AddChannel("general", id: "CGENERAL");
        host.Fake.AddChannel("incidents", id: "CANNOUNCE");
        ISlackDelivery deliver = socketMode ? new SlackSocketDelivery(await host.Fake.NextSocketAsync()) : new SlackHttpDelivery(host.Http, host.Clock);

        // declare
        var declared = await deliver.CommandAsync(SlackPayloads.Command("declare Checkout is failing sev2", trigger: "1.1.declare"));
        Assert.Equal("ok: declare Checkout is failing sev2", (string?)declared!["text"]);
        var incident = TestIncidents.Declared(1, "Checkout is failing");
        var links = new Dictionary<string, string>();
        foreach (var effect in new Effect[] { new OpenChannel(), new SyncIncidentCard(), new Announce("INC-1 declared: Checkout is failing") })
        {
            var outcome = await host.RunAsync(incident, effect, links);
            Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
            foreach (var (k, v) in outcome.Links)
            {
                links[k] = v;
            }
        }

        var channel = host.Fake.Channels[links[SlackPlatform.ChannelLink]];
        Assert.Equal("inc-1-checkout-is-failing", channel.Name);
        Assert.Contains("UALICE", channel.Members);
        Assert.Contains(links[SlackPlatform.CardLink], channel.Pins);
        Assert.Single(host.Fake.Channels["CANNOUNCE"].Messages);

        // role + page, acknowledged from the DM
        await deliver.InteractionAsync(SlackPayloads.UsersSelect("role commander INC-1", "UBOB"));
        Assert.Equal("role commander INC-1 <@UBOB|Bob>", host.Handler.Received.Last().Chat.Text);
        var page = await host.RunAsync(incident, new SendPage("p1", new UserRef("slack", "UBOB", "Bob"), "commander", null, host.Clock.GetUtcNow().AddMinutes(5)), links);
        Assert.Equal(EffectOutcomeKind.Done, page.Kind);
        var ack = SlackPayloads.Button("ack INC-1", actionTs: "1790000001.000001", channel: "DUBOB");
        ack["user"] = new JsonObject { ["id"] = "UBOB", ["username"] = "bob", ["name"] = "bob" };
        await deliver.InteractionAsync(ack);
        var (ackChat, _) = host.Handler.Received.Last();
        Assert.Equal(("ack INC-1", "UBOB", "DUBOB"), (ackChat.Text, ackChat.Actor.Id, ackChat.Channel.Id));
        await host.Fake.WaitForCallsAsync("chat.postEphemeral", 2);

        // capture a message with a pushpin, then a stakeholder update and the card refreshed in place
        var said = host.Fake.AddMessage(channel.Id, "UALICE", "rolled back the deploy");
        await deliver.EventAsync(SlackPayloads.Event(SlackPayloads.Pushpin(channel.Id, (string)said["ts"]!), eventId: "EvFLOWPIN"));
        var capture = Assert.IsType<MessageCaptureCommand>(host.Handler.Received.Last().Parsed);
        Assert.Equal("rolled back the deploy", capture.Text);
        Assert.Equal(EffectOutcomeKind.Done, (await host.RunAsync(incident, new PostStatusUpdate("Rolled back; watching", TestIncidents.Alice), links)).Kind);
        Assert.Equal(EffectOutcomeKind.Done, (await host.RunAsync(incident, new SyncIncidentCard(), links, step: "1:sync_card:2")).Kind);
        Assert.Single(channel.Messages, m => m["metadata"]?["event_payload"]?["target"]?.GetValue<string>() == "card");
        Assert.Equal(2, host.Fake.Channels["CANNOUNCE"].Messages.Count);

        // close: review, then archive after ArchiveAfter
        incident = TestIncidents.Closed(1, host.Clock.GetUtcNow());
        Assert.Equal(EffectOutcomeKind.Done, (await host.RunAsync(incident, new PostReview(), links)).Kind);
        host.Clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(EffectOutcomeKind.Done, (await host.RunAsync(incident, new ArchiveChannel(host.Clock.GetUtcNow()), links)).Kind);
        Assert.True(channel.Archived);
        Assert.Equal(["slack:cmd:1.1.declare", "slack:action:1790000000.000002", "slack:action:1790000001.000001", "slack:event:EvFLOWPIN"], host.Handler.Applied.Select(a => a.Chat.DedupeKey));
    }
}
