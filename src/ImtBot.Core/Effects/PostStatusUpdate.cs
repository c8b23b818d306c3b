using ImtBot.Core.Platforms;

namespace ImtBot.Core.Effects;

/// <summary>A stakeholder update: the incident channel and the announcements channel.</summary>
public sealed record PostStatusUpdate(string Text, UserRef By) : Effect;
