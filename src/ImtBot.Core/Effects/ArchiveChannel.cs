using ImtBot.Core.Platforms;

namespace ImtBot.Core.Effects;

/// <summary>Archive the incident channel at the given time.</summary>
public sealed record ArchiveChannel(DateTimeOffset At) : Effect;
