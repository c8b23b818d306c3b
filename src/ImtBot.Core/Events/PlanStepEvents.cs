namespace ImtBot.Core.Events;

/// <summary>
/// The bot ran the automatic step of a plan task (the event's actor is the bot) when the task's phase was entered;
/// <paramref name="Kind"/> is the step (<c>page</c>, <c>update</c>, <c>oncall</c>, <c>clock</c>) and
/// <paramref name="Outcome"/> says what it did. The task's own done event follows.
/// </summary>
public sealed record PlanStepRan(string TaskId, string Kind, string Outcome) : EventData;

/// <summary>
/// The automatic step of a plan task could not run (no on-call list, no such regime…): the task stays open for a
/// person, and <paramref name="Problem"/> says why and what would work. A step is tried once per incident.
/// </summary>
public sealed record PlanStepFailed(string TaskId, string Kind, string Problem) : EventData;
