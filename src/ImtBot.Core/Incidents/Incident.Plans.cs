using ImtBot.Core.Events;
using ImtBot.Core.Plans;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

/// <summary>The incident's type, its snapshotted response plan and the checklist folded from the plan events.</summary>
public sealed partial class Incident
{
    /// <summary>The incident's type (<c>declare … type &lt;name&gt;</c>, <c>type &lt;name&gt;</c>); <c>default</c> until one is given.</summary>
    public string Type { get; private set; } = ResponsePlan.DefaultId;

    /// <summary>The plan snapshotted for <see cref="Type"/>; null for an incident declared before plans existed.</summary>
    public ResponsePlan? Plan { get; private set; }

    /// <summary>Every type the incident had, in order, with when it changed.</summary>
    public IReadOnlyList<(string Type, string PlanId, DateTimeOffset At)> TypeHistory => TypeChanges;

    internal List<(string Type, string PlanId, DateTimeOffset At)> TypeChanges { get; } = [];
    internal List<IncidentTask> TaskList { get; } = [];
    internal Dictionary<string, DateTimeOffset> PhaseEnteredAt { get; } = new(StringComparer.Ordinal);
    internal List<(UserRef By, DateTimeOffset At, string Reason, IReadOnlyList<string> TaskIds)> OverrideList { get; } = [];

    /// <summary>The automatic steps tried, by task id: a step is tried once per incident, whatever the type changes do.</summary>
    internal Dictionary<string, PlanStepRun> StepRuns { get; } = new(StringComparer.Ordinal);

    /// <summary>What became of the automatic step of the task with this id; null while it has not been tried.</summary>
    public PlanStepRun? PlanStepOf(string taskId) => StepRuns.GetValueOrDefault(taskId);

    /// <summary>The checklist, by phase then number.</summary>
    public IReadOnlyList<IncidentTask> Tasks =>
        TaskList.OrderBy(t => PlanPhases.Order(t.Task.Phase)).ThenBy(t => t.Number).ToArray();

    /// <summary>The overrides of open required tasks, with who, when and why.</summary>
    public IReadOnlyList<(UserRef By, DateTimeOffset At, string Reason, IReadOnlyList<string> TaskIds)> PlanOverrides => OverrideList;

    /// <summary>The task with checklist number <paramref name="number"/>.</summary>
    public IncidentTask? TaskNumber(int number) => TaskList.Find(t => t.Number == number);

    /// <summary>When the incident entered <paramref name="phase"/>; null while it has not.</summary>
    public DateTimeOffset? PhaseStarted(string phase) =>
        phase is PlanPhases.Detect or PlanPhases.Assess ? DeclaredAt : PhaseEnteredAt.TryGetValue(phase, out var at) ? at : null;

    /// <summary>When the last event happened: what the card's overdue count is reckoned at (a reminder re-syncs the card).</summary>
    public DateTimeOffset LastChangedAt => SweptTo;

    /// <summary>The phase the incident is in now.</summary>
    public string Phase => PlanPhases.Reached(Status);

    /// <summary>When the task is due: its offset from declaration, from entering its phase, or (added tasks) from when it was added.</summary>
    public DateTimeOffset? DueAt(IncidentTask task)
    {
        if (task.Task.DueMinutes is not { } minutes)
        {
            return null;
        }

        var from = task.Custom ? task.AddedAt
            : task.Task.DueFrom == PlanDueFrom.Phase ? PhaseStarted(task.Task.Phase)
            : DeclaredAt;
        return from?.AddMinutes(minutes);
    }

    /// <summary>Open with its due time passed at <paramref name="now"/>.</summary>
    public bool IsOverdue(IncidentTask task, DateTimeOffset now) => task.IsOpen && DueAt(task) is { } due && due <= now;

    /// <summary>Who must do the task: its assignee, else whoever holds its owner role (null when nobody does).</summary>
    public UserRef? TaskOwner(IncidentTask task) =>
        task.Assignee ?? (task.Task.Owner is { } role && HoldersByRole.TryGetValue(role, out var holder) ? holder.User : null);

    private void TrackPhase(DateTimeOffset at)
    {
        var reached = PlanPhases.Order(PlanPhases.Reached(Status));
        foreach (var phase in PlanPhases.All.Take(reached + 1))
        {
            PhaseEnteredAt.TryAdd(phase, at);
        }
    }

    private void ApplyPlan(IncidentEvent e)
    {
        switch (e.Data)
        {
            case PlanAdopted d:
                AdoptPlan(e.At, d);
                break;
            case PlanTaskDone d:
                Finish(d.TaskId, TaskState.Done, e.Actor, e.At, d.Note);
                break;
            case PlanTaskSkipped d:
                Finish(d.TaskId, TaskState.Skipped, e.Actor, e.At, d.Reason);
                break;
            case PlanTaskAssigned d:
                UpdateTask(d.TaskId, t => t with { Assignee = d.User });
                Touch(d.User, e.At);
                break;
            case PlanTaskAdded d:
                TaskList.Add(new IncidentTask(NextTaskNumber(), d.Task, e.At, true, d.Assignee, TaskState.Open, null, null, null, null));
                break;
            case PlanStepRan d:
                StepRuns[d.TaskId] = new PlanStepRun(d.TaskId, d.Kind, true, d.Outcome, e.At);
                break;
            case PlanStepFailed d:
                StepRuns[d.TaskId] = new PlanStepRun(d.TaskId, d.Kind, false, d.Problem, e.At);
                break;
            case PlanOverridden d:
                OverrideList.Add((e.Actor, e.At, d.Reason, d.TaskIds));
                foreach (var id in d.TaskIds)
                {
                    UpdateTask(id, t => t.IsOpen ? t with { Overridden = d.Reason } : t);
                }

                break;
        }
    }

    /// <summary>The type and plan snapshotted in the declaration, when it has one.</summary>
    private void AdoptDeclaredPlan(DateTimeOffset at, IncidentDeclared d)
    {
        if (d.Plan is not null)
        {
            AdoptPlan(at, new PlanAdopted(d.IncidentType ?? d.Plan.Id, d.Plan, null));
        }
    }

    /// <summary>
    /// The new plan's tasks join the checklist; finished tasks stay (a new task with a finished one's id is not added
    /// twice), as do tasks added by hand; the previous plan's open tasks leave.
    /// </summary>
    private void AdoptPlan(DateTimeOffset at, PlanAdopted d)
    {
        Type = d.IncidentType;
        Plan = d.Plan;
        TypeChanges.Add((d.IncidentType, d.Plan.Id, at));
        TaskList.RemoveAll(t => t.IsOpen && !t.Custom);
        foreach (var task in d.Plan.Tasks.OrderBy(t => PlanPhases.Order(t.Phase)))
        {
            if (!TaskList.Exists(t => t.Task.Id == task.Id))
            {
                TaskList.Add(new IncidentTask(NextTaskNumber(), task, at, false, null, TaskState.Open, null, null, null, null));
            }
        }
    }

    /// <summary>Numbers are never reused, so a number typed from an older checklist never names another task.</summary>
    private int NextTaskNumber() => ++TasksNumbered;

    /// <summary>How many checklist numbers were handed out; the next task is this plus one.</summary>
    internal int TasksNumbered { get; private set; }

    private void Finish(string id, TaskState state, UserRef by, DateTimeOffset at, string? note) =>
        UpdateTask(id, t => t.IsOpen ? t with { State = state, By = by, At = at, Note = note } : t);

    private void UpdateTask(string id, Func<IncidentTask, IncidentTask> change)
    {
        var i = TaskList.FindIndex(t => t.Task.Id == id);
        if (i >= 0)
        {
            TaskList[i] = change(TaskList[i]);
        }
    }
}
