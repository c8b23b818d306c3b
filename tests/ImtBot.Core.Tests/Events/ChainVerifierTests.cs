using ImtBot.Core.Events;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Tests.Events;

public class ChainVerifierTests
{
    private static readonly UserRef Alice = new(PlatformNames.Console, "alice", "Alice");
    private static readonly DateTimeOffset T0 = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A valid chain of <paramref name="count"/> notes for incident 7.</summary>
    private static List<IncidentEvent> Chain(int count, int incident = 7)
    {
        var events = new List<IncidentEvent>();
        var previous = EventChain.GenesisHash;
        for (var i = 1; i <= count; i++)
        {
            var e = EventChain.Append(previous, incident, i, T0.AddMinutes(i), Alice, new NoteAdded($"note {i}"));
            events.Add(e);
            previous = e.Hash;
        }

        return events;
    }

    [Fact]
    public void Verify_IntactChain_ValidWithHead()
    {
        var events = Chain(5);

        var result = ChainVerifier.Verify(events);

        Assert.Equal(new ChainVerification(true, 5, events[^1].Hash, null, null), result);
    }

    [Fact]
    public void Verify_Empty_ValidAtGenesis()
    {
        Assert.Equal(new ChainVerification(true, 0, EventChain.GenesisHash, null, null), ChainVerifier.Verify([]));
    }

    [Fact]
    public void Verify_ChangedEvent_BrokenAtItWithChangedProblem()
    {
        var events = Chain(5);
        events[2] = events[2] with { Data = new NoteAdded("rewritten") };

        var result = ChainVerifier.Verify(events);

        Assert.False(result.Valid);
        Assert.Equal(3, result.BrokenAt);
        Assert.Equal(events[1].Hash, result.Head);
        Assert.Contains("sequence 3 (note_added at 2026-11-27T09:03:00.0000000Z) was changed after it was written", result.Problem);
    }

    [Fact]
    public void Verify_ChangedTime_BrokenAtIt()
    {
        var events = Chain(5);
        events[3] = events[3] with { At = events[3].At.AddSeconds(1) };

        var result = ChainVerifier.Verify(events);

        Assert.Equal(4, result.BrokenAt);
        Assert.Contains("was changed", result.Problem);
    }

    [Fact]
    public void Verify_ChangedAndRehashed_BrokenAtTheNextLink()
    {
        var events = Chain(5);
        events[2] = EventChain.Append(events[1].Hash, 7, 3, events[2].At, Alice, new NoteAdded("rewritten"));

        var result = ChainVerifier.Verify(events);

        Assert.Equal(4, result.BrokenAt);
        Assert.Contains("sequence 4 links to", result.Problem);
        Assert.Contains("changed and re-hashed", result.Problem);
    }

    [Fact]
    public void Verify_RemovedEvent_BrokenAtTheMissingSequence()
    {
        var events = Chain(5);
        events.RemoveAt(2);

        var result = ChainVerifier.Verify(events);

        Assert.Equal(3, result.BrokenAt);
        Assert.Equal(4, result.Events);
        Assert.Equal("sequence 3 is missing (the next stored event is 4): an event was removed", result.Problem);
    }

    [Fact]
    public void Verify_SeveralRemoved_NamesTheRange()
    {
        var events = Chain(6);
        events.RemoveRange(1, 3);

        var result = ChainVerifier.Verify(events);

        Assert.Equal(2, result.BrokenAt);
        Assert.Equal("sequences 2 to 4 are missing (the next stored event is 5): events were removed", result.Problem);
    }

    [Fact]
    public void Verify_RemovedFromTheEnd_CaughtByTheRecordedHead()
    {
        var events = Chain(5);
        var head = events[^1].Hash;
        events.RemoveAt(4);

        var plain = ChainVerifier.Verify(events);
        var withHead = ChainVerifier.Verify(events, incident: 7, expectedHead: head);

        Assert.True(plain.Valid);
        Assert.False(withHead.Valid);
        Assert.Equal(5, withHead.BrokenAt);
        Assert.Contains("events after sequence 4 are missing", withHead.Problem);
    }

    [Fact]
    public void Verify_ReorderedEvents_BrokenAtTheFirstOutOfPlace()
    {
        var events = Chain(5);
        (events[2], events[3]) = (events[3], events[2]);

        var result = ChainVerifier.Verify(events);

        Assert.Equal(3, result.BrokenAt);
        Assert.Equal("sequence 4 comes before 3: events were reordered", result.Problem);
    }

    [Fact]
    public void Verify_InsertedEventWithValidLink_BrokenAtTheRepeatedSequence()
    {
        var events = Chain(5);
        var forged = EventChain.Append(events[1].Hash, 7, 3, T0.AddMinutes(2.5), Alice, new NoteAdded("forged"));
        events.Insert(2, forged);

        var result = ChainVerifier.Verify(events);

        Assert.Equal(4, result.BrokenAt);
        Assert.Equal("sequence 3 appears again where 4 was expected: an event was inserted or duplicated", result.Problem);
    }

    [Fact]
    public void Verify_InsertedAndRenumbered_BrokenAtTheBrokenLink()
    {
        var events = Chain(4);
        var forged = EventChain.Append(events[1].Hash, 7, 3, T0.AddMinutes(2.5), Alice, new NoteAdded("forged"));
        var renumbered = events.Skip(2).Select(e => e with { Sequence = e.Sequence + 1 });
        events = [events[0], events[1], forged, .. renumbered];

        var result = ChainVerifier.Verify(events);

        Assert.Equal(4, result.BrokenAt);
        Assert.Contains("sequence 4 links to", result.Problem);
    }

    [Fact]
    public void Verify_WrongIncidentNumber_BrokenAtIt()
    {
        var events = Chain(4);
        events[1] = Chain(2, incident: 8)[1];

        var result = ChainVerifier.Verify(events);

        Assert.Equal(2, result.BrokenAt);
        Assert.Equal("the event at sequence 2 belongs to INC-8, not INC-7: it was filed under the wrong incident", result.Problem);
    }

    [Fact]
    public void Verify_ExpectedIncidentDiffers_BrokenAtFirst()
    {
        var result = ChainVerifier.Verify(Chain(2), incident: 9);

        Assert.Equal(1, result.BrokenAt);
        Assert.Contains("belongs to INC-7, not INC-9", result.Problem);
    }

    [Fact]
    public void Verify_FirstEventNotFromGenesis_BrokenAtOne()
    {
        var events = Chain(2);
        events[0] = EventChain.Append(new string('f', 64), 7, 1, T0, Alice, new NoteAdded("x"));

        var result = ChainVerifier.Verify(events);

        Assert.Equal(1, result.BrokenAt);
        Assert.Equal(EventChain.GenesisHash, result.Head);
        Assert.Contains("does not start from the genesis hash", result.Problem);
    }
}
