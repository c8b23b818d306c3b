using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>A stakeholder status update.</summary>
public sealed record UpdatePosted(string Text) : EventData;
