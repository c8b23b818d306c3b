using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Cards.Gallery;

/// <summary>A sample incident's events, written in any order and chained in time order (ties keep their order).</summary>
internal sealed class SampleLog(int number, DateTimeOffset start)
{
    private readonly List<(TimeSpan Offset, UserRef Actor, EventData Data)> _steps = [];

    public SampleLog At(TimeSpan offset, UserRef actor, EventData data)
    {
        _steps.Add((offset, actor, data));
        return this;
    }

    public SampleLog At(int minutes, UserRef actor, EventData data) => At(TimeSpan.FromMinutes(minutes), actor, data);

    /// <summary>The hash-chained events, as the store would hold them.</summary>
    public IReadOnlyList<IncidentEvent> Events()
    {
        var events = new List<IncidentEvent>();
        foreach (var (offset, actor, data) in _steps.OrderBy(s => s.Offset))
        {
            events.Add(EventChain.Append(events.Count == 0 ? EventChain.GenesisHash : events[^1].Hash, number, events.Count + 1, start + offset, actor, data));
        }

        return events;
    }
}
