namespace ImtBot.Core.Events;

/// <summary>Recomputes an incident's hash chain from its stored events.</summary>
public static class ChainVerifier
{
    public static ChainVerification Verify(IReadOnlyList<IncidentEvent> events)
    {
        var previous = EventChain.GenesisHash;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Sequence != i + 1 || e.PreviousHash != previous || EventChain.Hash(previous, EventChain.Canonical(e)) != e.Hash)
            {
                return new ChainVerification(false, events.Count, previous, i + 1, $"the link at sequence {i + 1} does not hold");
            }

            previous = e.Hash;
        }

        return new ChainVerification(true, events.Count, previous, null, null);
    }
}
