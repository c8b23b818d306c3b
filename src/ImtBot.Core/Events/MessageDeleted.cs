using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>A captured message was deleted; the original stays in the log.</summary>
public sealed record MessageDeleted(string Platform, string MessageId) : EventData;
