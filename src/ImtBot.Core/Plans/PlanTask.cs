namespace ImtBot.Core.Plans;

/// <summary>
/// One task of a response plan, as written in its file (and snapshotted into an incident).
/// </summary>
/// <param name="Id">Unique within the plan; a type change keeps a done task whose id the new plan also has.</param>
/// <param name="Phase">One of <see cref="PlanPhases.All"/>.</param>
/// <param name="Owner">The role that owns it (the holder is reminded when it is overdue); null: the commander.</param>
/// <param name="DueMinutes">Minutes after <paramref name="DueFrom"/>; null: no due time.</param>
/// <param name="DueFrom"><see cref="PlanDueFrom.Declared"/> or <see cref="PlanDueFrom.Phase"/> (entering the task's phase).</param>
/// <param name="Required">Blocks resolving (or, for review tasks, closing) until done or skipped with a reason.</param>
/// <param name="Runbook">A link to the runbook the task follows.</param>
/// <param name="Auto">What the bot does by itself when the task's phase is entered; null: nothing.</param>
public sealed record PlanTask(
    string Id,
    string Phase,
    string Text,
    string? Owner,
    int? DueMinutes,
    string DueFrom,
    bool Required,
    string? Runbook,
    PlanAutomation? Auto);

/// <summary>Where a task's due offset counts from.</summary>
public static class PlanDueFrom
{
    public const string Declared = "declared";
    public const string Phase = "phase";
}
