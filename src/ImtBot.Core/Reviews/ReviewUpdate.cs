using ImtBot.Core.Platforms;

namespace ImtBot.Core.Reviews;

/// <summary>A stakeholder update as posted.</summary>
public sealed record ReviewUpdate(DateTimeOffset At, UserRef By, string Text);
