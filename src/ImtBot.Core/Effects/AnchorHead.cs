namespace ImtBot.Core.Effects;

/// <summary>
/// Anchor the incident's chain head outside the database: the host appends it to the anchor log and posts it in the
/// incident channel (emitted at close).
/// </summary>
public sealed record AnchorHead : Effect;
