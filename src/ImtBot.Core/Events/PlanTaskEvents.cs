using ImtBot.Core.Plans;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>A plan task was done (by the event's actor).</summary>
public sealed record PlanTaskDone(string TaskId, string? Note) : EventData;

/// <summary>A plan task was skipped, with the reason.</summary>
public sealed record PlanTaskSkipped(string TaskId, string Reason) : EventData;

/// <summary>A plan task was given to one person (instead of whoever holds its role).</summary>
public sealed record PlanTaskAssigned(string TaskId, UserRef User) : EventData;

/// <summary>A task added to this incident's checklist only; its due time counts from the event.</summary>
public sealed record PlanTaskAdded(PlanTask Task, UserRef? Assignee) : EventData;

/// <summary>The commander or an admin let these open required tasks stop blocking resolve and close, with the reason.</summary>
public sealed record PlanOverridden(IReadOnlyList<string> TaskIds, string Reason) : EventData;
