using ImtBot.Core.Platforms;

namespace ImtBot.Core.Plans;

/// <summary>Where a task of an incident's checklist stands.</summary>
public enum TaskState
{
    Open,
    Done,
    Skipped,
}

/// <summary>
/// One task of an incident's checklist: a plan task (or one added to the incident), its number in the checklist (what
/// <c>task done &lt;n&gt;</c> names) and what happened to it.
/// </summary>
/// <param name="AddedAt">When it joined the checklist: a task added mid-incident counts its due time from here.</param>
/// <param name="Assignee">The one person it was given to; null: whoever holds its owner role.</param>
/// <param name="By">Who did or skipped it.</param>
/// <param name="Note">The note it was done with, or the reason it was skipped.</param>
/// <param name="Overridden">The override's reason when the commander let it stop blocking while open.</param>
public sealed record IncidentTask(
    int Number,
    PlanTask Task,
    DateTimeOffset AddedAt,
    bool Custom,
    UserRef? Assignee,
    TaskState State,
    UserRef? By,
    DateTimeOffset? At,
    string? Note,
    string? Overridden)
{
    public bool IsOpen => State == TaskState.Open;

    /// <summary>Blocks resolve (or close, for a review task) while open and not overridden.</summary>
    public bool Blocks => Task.Required && IsOpen && Overridden is null;
}
