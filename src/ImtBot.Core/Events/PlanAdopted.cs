using ImtBot.Core.Plans;

namespace ImtBot.Core.Events;

/// <summary>
/// A type change: the new type and the response plan snapshotted for it (the declaration's own snapshot is in
/// <see cref="IncidentDeclared"/>). Done and skipped tasks stay; the new plan's tasks join.
/// </summary>
/// <param name="From">The previous type.</param>
public sealed record PlanAdopted(string IncidentType, ResponsePlan Plan, string? From) : EventData;
