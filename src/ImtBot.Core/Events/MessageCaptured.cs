using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>A chat message pinned to the timeline (Slack pushpin), at its own time.</summary>
public sealed record MessageCaptured(string Platform, string MessageId, UserRef Author, DateTimeOffset PostedAt, string Text) : EventData;
