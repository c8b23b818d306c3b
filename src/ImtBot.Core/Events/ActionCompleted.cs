using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>A follow-up action item is done.</summary>
public sealed record ActionCompleted(int ActionId) : EventData;
