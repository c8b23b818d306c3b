using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Slack.Platform;
using ImtBot.Slack.Testing;
using ImtBot.Slack.Tests.Fakes;

namespace ImtBot.Slack.Tests.Platform;

/// <summary>Page cards: the DM message is recorded when sent and edited in place (<c>chat.update</c>) once answered.</summary>
public sealed class SlackPlatformPageCardTests : IAsyncLifetime
{
    private static readonly UserRef Bob = new(PlatformNames.Slack, "UBOB", "Bob");
    private SlackTestHost host = null!;
    private FakeChannel channel = null!;

    public async Task InitializeAsync()
    {
        host = await SlackTestHost.StartAsync();
        channel = host.Fake.AddChannel("inc-7-checkout-is-failing");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private Dictionary<string, string> Links() => PlatformFixture.ChannelLinks(channel.Id);

    private static EventData Sent() => new PageSent("p1", Bob, "ops", null, DateTimeOffset.Parse("2026-11-27T09:10:00Z", System.Globalization.CultureInfo.InvariantCulture), 1);

    [Fact]
    public async Task SendPage_CarriesTheChannelLink()
    {
        await host.RunAsync(TestIncidents.Declared(7, more: Sent()), new SendPage("p1", Bob, "ops", null, host.Clock.GetUtcNow()), Links());

        var message = Assert.Single(host.Fake.Channels["DUBOB"].Messages);
        Assert.Contains("https://slack.com/app_redirect?channel=" + channel.Id, message["blocks"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncPageCard_Acknowledged_UpdatesTheDmMessageInPlace()
    {
        var links = Links();
        var sent = await host.RunAsync(TestIncidents.Declared(7, more: Sent()), new SendPage("p1", Bob, "ops", null, host.Clock.GetUtcNow()), links);
        foreach (var (key, value) in sent.Links)
        {
            links[key] = value;
        }

        var outcome = await host.RunAsync(TestIncidents.Declared(7, "Checkout is failing", null, Sent(), new PageAcknowledged("p1")), new SyncPageCard("p1"), links, step: "7:sync_page:1");

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        var message = Assert.Single(host.Fake.Channels["DUBOB"].Messages);
        Assert.Equal("page INC-7 p1 Acknowledged", (string?)message["text"]);
        Assert.NotNull(message["edited"]);
        var update = Assert.Single(host.Fake.CallsTo("chat.update"));
        Assert.Equal(("DUBOB", (string)message["ts"]!), (update.Arg("channel"), update.Arg("ts")));
    }

    [Fact]
    public async Task SyncPageCard_MessageUnknown_IsSkippedQuietly()
    {
        var outcome = await host.RunAsync(TestIncidents.Declared(7, "Checkout is failing", null, Sent(), new PageExpired("p1")), new SyncPageCard("p1"), Links());

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.Empty(host.Fake.CallsTo("chat.update"));
    }

    [Fact]
    public async Task SyncPageCard_MessageDeletedSince_IsSkippedQuietly()
    {
        var links = Links();
        links[SlackPlatform.PageLink("p1")] = channel.Id + "/1.000000";

        var outcome = await host.RunAsync(TestIncidents.Declared(7, "Checkout is failing", null, Sent(), new PageDeclined("p1")), new SyncPageCard("p1"), links);

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.Single(host.Fake.CallsTo("chat.update"));
        Assert.Empty(channel.Messages);
    }
}
