using ImtBot.Core.Plans;

namespace ImtBot.Core.Events;

/// <summary>
/// The incident's type and the response plan snapshotted for it: at declaration, and again when the type changes
/// (<paramref name="From"/> is then the previous type). Done and skipped tasks stay; the new plan's tasks join.
/// </summary>
public sealed record PlanAdopted(string IncidentType, ResponsePlan Plan, string? From) : EventData;
