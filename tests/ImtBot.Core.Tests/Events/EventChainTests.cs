using ImtBot.Core.Events;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Tests.Events;

public class EventChainTests
{
    private static readonly UserRef Alice = new(PlatformNames.Console, "alice", "Alice");

    [Fact]
    public void Append_SameInput_SameHash()
    {
        var at = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        var a = EventChain.Append(EventChain.GenesisHash, 1, 1, at, Alice, new NoteAdded("hello"));
        var b = EventChain.Append(EventChain.GenesisHash, 1, 1, at.ToOffset(TimeSpan.FromHours(2)), Alice, new NoteAdded("hello"));

        Assert.Equal(a.Hash, b.Hash);
        Assert.Equal(64, a.Hash.Length);
    }

    [Fact]
    public void Append_ChangedText_DifferentHash()
    {
        var at = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        var a = EventChain.Append(EventChain.GenesisHash, 1, 1, at, Alice, new NoteAdded("hello"));
        var b = EventChain.Append(EventChain.GenesisHash, 1, 1, at, Alice, new NoteAdded("hellO"));

        Assert.NotEqual(a.Hash, b.Hash);
    }

    [Fact]
    public void Canonical_FixedOrderAndUtc()
    {
        var at = new DateTimeOffset(2026, 11, 27, 10, 0, 0, TimeSpan.FromHours(1));
        var text = EventChain.Canonical(7, 3, at, Alice, new NoteAdded("x"));

        Assert.Equal("""{"incident":7,"seq":3,"at":"2026-11-27T09:00:00.0000000Z","actor":{"platform":"console","id":"alice","name":"Alice"},"data":{"type":"note_added","text":"x"}}""", text);
    }
}
