using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>The paged person acknowledged.</summary>
public sealed record PageAcknowledged(string PageId) : EventData;
