using ImtBot.Core.Platforms;

namespace ImtBot.Core.Effects;

/// <summary>Create the incident's channel on its home platform (idempotent: adopt a channel already made for this incident), then invite the declarer.</summary>
public sealed record OpenChannel : Effect;
