using ImtBot.Core.Platforms;

namespace ImtBot.Core.Effects;

/// <summary>A message in the announcements channel (declarations, resolution).</summary>
public sealed record Announce(string Text) : Effect;
