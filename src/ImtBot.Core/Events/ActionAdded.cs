using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>A follow-up action item.</summary>
public sealed record ActionAdded(int ActionId, string Text, UserRef? Owner, DateOnly? Due) : EventData;
