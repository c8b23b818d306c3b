using System.Globalization;
using System.Text;
using ImtBot.Core.Incidents;

namespace ImtBot.Core.Plans;

/// <summary>The checklist and the progress line in words, for the <c>plan</c> reply, the card and the review.</summary>
public static class PlanText
{
    /// <summary>
    /// <c>INC-42 · service-outage · plan "Service outage" (service-outage.yaml@…)</c>, then each phase with its tasks:
    /// number, state, text, owner, due time and whether it is required.
    /// </summary>
    public static string Checklist(Incident state, DateTimeOffset now)
    {
        var text = new StringBuilder();
        var plan = state.Plan;
        text.Append(CultureInfo.InvariantCulture, $"{state.Key} · type {state.Type}");
        if (plan is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" · plan \"{plan.Title}\"");
        }

        text.Append('\n');
        if (state.Tasks.Count == 0)
        {
            text.Append("No tasks. Pick a type with a plan (`/incident type <name>`) or add a task with `/incident task add <text>`.");
            return text.ToString();
        }

        foreach (var phase in state.Tasks.GroupBy(t => t.Task.Phase))
        {
            var done = phase.Count(t => !t.IsOpen);
            text.Append(CultureInfo.InvariantCulture, $"*{PlanPhases.Title(phase.Key)}* {done}/{phase.Count()}{(phase.Key == state.Phase ? " (now)" : "")}\n");
            foreach (var task in phase)
            {
                text.Append(CultureInfo.InvariantCulture, $"{Mark(task)} {task.Number}. {task.Task.Text}{Details(state, task, now)}\n");
            }
        }

        text.Append("Mark one done with `/incident task done <n>`; skip with `/incident task skip <n> <reason>`.");
        return text.ToString();
    }

    /// <summary><c>Respond 3/5 · 1 overdue</c>: the current phase's finished and total tasks and the overdue count; null with no tasks.</summary>
    public static string? Progress(Incident state, DateTimeOffset now)
    {
        if (state.Tasks.Count == 0)
        {
            return null;
        }

        var phase = state.Phase;
        var inPhase = state.Tasks.Where(t => t.Task.Phase == phase).ToArray();
        if (inPhase.Length == 0 || inPhase.All(t => !t.IsOpen))
        {
            // Nothing left in this phase: show the earliest phase with open tasks, or the whole plan when all are finished.
            var open = state.Tasks.FirstOrDefault(t => t.IsOpen);
            phase = open?.Task.Phase ?? phase;
            inPhase = open is null ? state.Tasks.ToArray() : state.Tasks.Where(t => t.Task.Phase == phase).ToArray();
        }

        var label = state.Tasks.All(t => !t.IsOpen) ? "Plan" : PlanPhases.Title(phase);
        var overdue = state.Tasks.Count(t => state.IsOverdue(t, now));
        return $"{label} {inPhase.Count(t => !t.IsOpen)}/{inPhase.Length}" + (overdue > 0 ? $" · {overdue} overdue" : "");
    }

    internal static string Mark(IncidentTask task) => task.State switch
    {
        TaskState.Done => "[x]",
        TaskState.Skipped => "[-]",
        _ => "[ ]",
    };

    private static string Details(Incident state, IncidentTask task, DateTimeOffset now)
    {
        var parts = new List<string>();
        var owner = state.TaskOwner(task);
        parts.Add(owner is not null ? owner.ToString() : task.Task.Owner ?? "no owner");
        if (task.State == TaskState.Open && state.DueAt(task) is { } due)
        {
            parts.Add(due <= now ? $"OVERDUE since {Clock(due)}" : $"due {Clock(due)}");
        }

        if (task.State != TaskState.Open)
        {
            parts.Add($"{(task.State == TaskState.Done ? "done" : "skipped")} by {task.By} {Clock(task.At!.Value)}" + (task.Note is { } n ? $": {n}" : ""));
        }

        if (task.Task.Required && task.IsOpen)
        {
            parts.Add(task.Overridden is null ? "required" : "required, overridden");
        }

        if (task.IsOpen && task.Task.Auto is { } step)
        {
            parts.Add(state.PlanStepOf(task.Task.Id) is { Ran: false } failed ? $"automatic step failed: {failed.Text}" : $"automatic: {Step(step)}");
        }

        if (task.Task.Runbook is { } runbook)
        {
            parts.Add(runbook);
        }

        return " — " + string.Join(" · ", parts);
    }

    /// <summary><c>page ops</c>, <c>oncall comms</c>, <c>clock gdpr</c>, <c>update "…"</c>: the step as the plan file writes it.</summary>
    public static string Step(PlanAutomation step) =>
        step.Kind == PlanAutomation.Update ? $"update \"{step.Text}\"" : $"{step.Kind} {step.Role ?? step.Text}";

    private static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
