using ImtBot.Core.Incidents;
using ImtBot.Core.Plans;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Reviews;

/// <summary>One checklist task in the review: what it was, who finished it and when, and whether on time.</summary>
public sealed record ReviewTask(
    int Number,
    string Phase,
    string Text,
    bool Required,
    TaskState State,
    UserRef? By,
    DateTimeOffset? At,
    DateTimeOffset? Due,
    string? Note,
    string? Overridden,
    bool Added)
{
    /// <summary>Done by its due time (or done with no due time).</summary>
    public bool OnTime => State == TaskState.Done && (Due is not { } due || At <= due);

    /// <summary>Finished after its due time, or still open past it at the end of the review.</summary>
    public bool Late(DateTimeOffset asOf) => Due is { } due && (At ?? asOf) > due;
}

/// <summary>An override of open required tasks.</summary>
public sealed record ReviewOverride(UserRef By, DateTimeOffset At, string Reason, IReadOnlyList<string> TaskIds);

/// <summary>
/// The response plan in the review: the type (and its changes), the plan version that ran, every task and plan
/// adherence — tasks done on time out of all the plan's tasks (tasks added by hand are listed but not counted).
/// </summary>
public sealed record ReviewPlan(
    string Type,
    string Title,
    string? Source,
    IReadOnlyList<(string Type, string PlanId, DateTimeOffset At)> TypeHistory,
    IReadOnlyList<ReviewTask> Tasks,
    IReadOnlyList<ReviewOverride> Overrides)
{
    public int PlanTasks => Tasks.Count(t => !t.Added);

    public int DoneOnTime => Tasks.Count(t => !t.Added && t.OnTime);

    /// <summary>Done on time / all plan tasks, or null with no plan tasks.</summary>
    public double? Adherence => PlanTasks == 0 ? null : (double)DoneOnTime / PlanTasks;

    /// <summary>The plan part of the review, or null when the incident ran without a plan.</summary>
    public static ReviewPlan? From(Incident state)
    {
        if (state.Plan is not { } plan)
        {
            return null;
        }

        var tasks = state.Tasks.Select(t => new ReviewTask(
            t.Number, t.Task.Phase, t.Task.Text, t.Task.Required, t.State, t.By, t.At, state.DueAt(t), t.Note, t.Overridden, t.Custom)).ToArray();
        var overrides = state.PlanOverrides.Select(o => new ReviewOverride(o.By, o.At, o.Reason, o.TaskIds)).ToArray();
        return new ReviewPlan(state.Type, plan.Title, plan.Source, state.TypeHistory, tasks, overrides);
    }
}
