using ImtBot.Core.Platforms;

namespace ImtBot.Core.Reviews;

/// <summary>A commander hand-over: requested at <see cref="At"/>, taken when the new commander held the lead role (<see cref="TakenAt"/>).</summary>
public sealed record ReviewHandover(DateTimeOffset At, UserRef From, UserRef To, string Summary, bool Release, DateTimeOffset? TakenAt);
