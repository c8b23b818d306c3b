using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>The paged person declined.</summary>
public sealed record PageDeclined(string PageId) : EventData;
