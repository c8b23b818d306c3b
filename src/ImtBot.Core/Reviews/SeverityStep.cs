using ImtBot.Core.Platforms;

namespace ImtBot.Core.Reviews;

/// <summary>One severity change with its reason and who made it.</summary>
public sealed record SeverityStep(DateTimeOffset At, int From, int To, string Reason, UserRef By);
