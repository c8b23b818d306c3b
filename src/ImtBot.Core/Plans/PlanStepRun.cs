namespace ImtBot.Core.Plans;

/// <summary>What became of a task's automatic step: run (the task was then done by the bot) or failed (the task stays open).</summary>
/// <param name="Ran">True when the step ran; false when it could not, and <paramref name="Text"/> says why.</param>
/// <param name="Text">What the step did, or the problem that stopped it.</param>
public sealed record PlanStepRun(string TaskId, string Kind, bool Ran, string Text, DateTimeOffset At);
