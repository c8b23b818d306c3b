using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Core.Tests.Incidents;

/// <summary>
/// A command on a long incident starts from the fold kept for its version, not from its whole log read and replayed:
/// on an incident of 10,000 events that read was most of every command's time.
/// </summary>
public class FoldCacheTests
{
    private static readonly ChannelRef General = new(PlatformNames.Console, "general");
    private readonly InMemoryIncidentStore store = new();
    private readonly FakeTimeProvider clock = new(Scenario.Start);
    private int keys;

    private IncidentService CreateSut() => new(store, clock, new IncidentOptions());

    private async Task<CommandReply> SayAsync(IncidentService sut, string text)
    {
        var reply = await sut.HandleAsync(new ChatCommand(text, People.Alice, General, "k" + Interlocked.Increment(ref keys)));
        Assert.True(reply.Accepted, reply.Text);
        return reply;
    }

    [Fact]
    public async Task Commands_OnAFoldedIncident_ReadNoEvents()
    {
        var sut = CreateSut();
        await SayAsync(sut, "declare Checkout is failing sev2");
        for (var i = 0; i < 30; i++)
        {
            await SayAsync(sut, $"note INC-1 look {i}");
        }

        var before = store.EventsRead;
        await SayAsync(sut, "note INC-1 one more look");
        var status = await SayAsync(sut, "status INC-1");
        var timeline = await SayAsync(sut, "timeline INC-1");

        Assert.Equal(before, store.EventsRead);
        Assert.StartsWith("INC-1 · ", status.Text, StringComparison.Ordinal);
        Assert.Contains("one more look", timeline.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_AfterAnotherWriter_ReadOnlyItsEvents_AndSeeThem()
    {
        var sut = CreateSut();
        await SayAsync(sut, "declare Checkout is failing sev2");
        for (var i = 0; i < 30; i++)
        {
            await SayAsync(sut, $"note INC-1 look {i}");
        }

        // Another instance on the same store (or any writer but this service) adds an update.
        var version = store.FindIncident(1)!.Version;
        await SayAsync(CreateSut(), "update INC-1 Payments recovering");
        var written = store.FindIncident(1)!.Version - version;
        var before = store.EventsRead;
        var status = await SayAsync(sut, "status INC-1");

        Assert.Equal(written, store.EventsRead - before);
        Assert.Contains("Payments recovering", status.Text, StringComparison.Ordinal);
        Assert.Equal(store.FindIncident(1)!.Version, sut.Get(1)!.Version);
    }
}
