using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>A follow-up action item got a (new) owner.</summary>
public sealed record ActionAssigned(int ActionId, UserRef Owner) : EventData;
