using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>Someone took part (typed a command, was paged or was invited).</summary>
public sealed record ParticipantJoined(UserRef User) : EventData;
