using ImtBot.Core.Platforms;

namespace ImtBot.Core.Effects;

/// <summary>A plain message in the incident channel.</summary>
public sealed record PostToChannel(string Text) : Effect;
