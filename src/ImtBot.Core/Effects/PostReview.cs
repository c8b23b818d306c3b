using ImtBot.Core.Platforms;

namespace ImtBot.Core.Effects;

/// <summary>Post the post-incident review (summary card and the Markdown) in the incident channel.</summary>
public sealed record PostReview : Effect;
