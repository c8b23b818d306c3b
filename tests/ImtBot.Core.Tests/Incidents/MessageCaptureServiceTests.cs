using ImtBot.Core.Commands;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Core.Tests.Incidents;

/// <summary>
/// The service decides whether a chat message change concerns an incident: the adapter sends every pin, edit and
/// deletion with the channel, and only changes of captured messages in an incident's channel are recorded.
/// </summary>
public class MessageCaptureServiceTests
{
    private static readonly ChannelRef IncidentChannel = new(PlatformNames.Slack, "CINC");
    private static readonly ChannelRef Random = new(PlatformNames.Slack, "CRANDOM");
    private static readonly DateTimeOffset PostedAt = Scenario.Start.AddMinutes(-3);
    private readonly InMemoryIncidentStore store = new();
    private readonly IncidentService sut;

    public MessageCaptureServiceTests() => sut = new(store, new FakeTimeProvider(Scenario.Start), new IncidentOptions());

    private static MessageCaptureCommand Change(string messageId, string change, string text = "failover started") =>
        new(PlatformNames.Slack, messageId, People.Carol, PostedAt, text, change);

    private static ChatCommand Origin(ChannelRef channel, string key) => new("(capture)", People.Bob, channel, key);

    private async Task<int> DeclareWithChannelAsync()
    {
        var reply = await sut.HandleParsedAsync(new DeclareCommand("Checkout is failing", 2, false), new ChatCommand("declare", People.Alice, Random, "declare"));
        store.Link(reply.Incident!.Value, PlatformNames.Slack + ":channel", IncidentChannel.Id);
        return reply.Incident.Value;
    }

    [Fact]
    public async Task CapturedMessage_InTheIncidentChannel_PinEditAndDeleteAreRecorded()
    {
        var n = await DeclareWithChannelAsync();

        var pinned = await sut.HandleParsedAsync(Change("CINC:1.1", "pinned"), Origin(IncidentChannel, "ev1"));
        var edited = await sut.HandleParsedAsync(Change("CINC:1.1", "edited", "failover finished"), Origin(IncidentChannel, "ev2"));
        var deleted = await sut.HandleParsedAsync(Change("CINC:1.1", "deleted", ""), Origin(IncidentChannel, "ev3"));

        Assert.All([pinned, edited, deleted], r => Assert.Equal((true, n), (r.Accepted, r.Incident)));
        var changes = store.GetEvents(n).Select(e => e.Data).Where(d => d is MessageCaptured or MessageEdited or MessageDeleted).ToList();
        Assert.Equal([new MessageCaptured("slack", "CINC:1.1", People.Carol, PostedAt, "failover started"), new MessageEdited("slack", "CINC:1.1", "failover finished"), new MessageDeleted("slack", "CINC:1.1")], changes);
    }

    [Theory]
    [InlineData("edited")]
    [InlineData("deleted")]
    public async Task ChangeOfAMessageNeverCaptured_IsAQuietNoOpThatCommitsNothing(string change)
    {
        var n = await DeclareWithChannelAsync();
        var (events, commits, inbox) = (store.GetEvents(n).Count, store.Commits, store.InboxCount);

        var reply = await sut.HandleParsedAsync(Change("CINC:9.9", change), Origin(IncidentChannel, "ev-" + change));

        Assert.True(reply.Accepted);
        Assert.False(reply.Redelivered);
        Assert.Equal((events, commits, inbox), (store.GetEvents(n).Count, store.Commits, store.InboxCount));
    }

    [Theory]
    [InlineData("pinned")]
    [InlineData("edited")]
    [InlineData("deleted")]
    public async Task ChangeOutsideAnIncidentChannel_IsAQuietNoOpThatCommitsNothing(string change)
    {
        var n = await DeclareWithChannelAsync();
        var (events, commits, inbox) = (store.GetEvents(n).Count, store.Commits, store.InboxCount);

        var reply = await sut.HandleParsedAsync(Change("CRANDOM:1.1", change), Origin(Random, "ev-" + change));

        Assert.False(reply.Accepted);
        Assert.Null(reply.Incident);
        Assert.Equal((events, commits, inbox), (store.GetEvents(n).Count, store.Commits, store.InboxCount));
    }

    [Fact]
    public async Task EditDeliveredTwice_RecordedOnceAndTheSecondIsARedelivery()
    {
        var n = await DeclareWithChannelAsync();
        await sut.HandleParsedAsync(Change("CINC:1.1", "pinned"), Origin(IncidentChannel, "ev1"));

        var first = await sut.HandleParsedAsync(Change("CINC:1.1", "edited", "v2"), Origin(IncidentChannel, "ev2"));
        var again = await sut.HandleParsedAsync(Change("CINC:1.1", "edited", "v2"), Origin(IncidentChannel, "ev2"));

        Assert.False(first.Redelivered);
        Assert.True(again.Redelivered);
        Assert.Single(store.GetEvents(n), e => e.Data is MessageEdited);
    }
}
