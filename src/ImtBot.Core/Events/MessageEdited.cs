using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>A captured message was edited; the original stays in the log.</summary>
public sealed record MessageEdited(string Platform, string MessageId, string Text) : EventData;
