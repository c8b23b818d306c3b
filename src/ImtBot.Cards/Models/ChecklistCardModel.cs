using ImtBot.Core.Incidents;
using ImtBot.Core.Plans;

namespace ImtBot.Cards.Models;

/// <summary>
/// The checklist card (<c>checklist.json</c>): the open tasks of the incident's plan by phase, each with its owner, due
/// time and a "Done" button (<c>task INC-42 done &lt;n&gt;</c>). Finished tasks are only counted, which keeps the card
/// short; the <c>plan</c> reply lists everything.
/// </summary>
public sealed record ChecklistCardModel(
    IncidentSummary Incident,
    string Text,
    string Heading,
    string Progress,
    bool HasOpen,
    string EmptyText,
    IReadOnlyList<ChecklistTask> Tasks,
    bool HasMore,
    string MoreText)
{
    /// <summary>
    /// At most this many buttons: a Slack message holds 50 blocks and a Teams card should stay readable; the rest are
    /// named by count with the command that lists them.
    /// </summary>
    public const int MaxTasks = 20;

    public static ChecklistCardModel From(Incident incident, CardText text, DateTimeOffset now)
    {
        var summary = IncidentSummary.From(incident, text);
        var open = incident.Tasks.Where(t => t.IsOpen).ToArray();
        var shown = open.Take(MaxTasks).ToArray();
        // One flat list (Slack blocks cannot nest): the first task of each phase carries the phase's title.
        var tasks = shown.Select((t, i) => ChecklistTask.From(incident, t, i == 0 || shown[i - 1].Task.Phase != t.Task.Phase, text, now)).ToArray();
        var done = incident.Tasks.Count - open.Length;
        var plan = incident.Plan is { } p ? text.Plain(p.Title, 100) : "No plan";
        return new ChecklistCardModel(
            summary,
            $"Checklist for {incident.Key}: {open.Length} open, {done} finished",
            text.Markup($"{plan} · type {incident.Type}", 200),
            $"{done}/{incident.Tasks.Count} finished" + (PlanText.Progress(incident, now) is { } progress ? " · " + progress : ""),
            open.Length > 0,
            incident.Tasks.Count == 0
                ? "No tasks. Pick a type with a plan (" + text.Code("/incident type <name>", 60) + ") or add one (" + text.Code("/incident task add <text>", 60) + ")."
                : "Every task is done or skipped.",
            tasks,
            open.Length > shown.Length,
            $"{open.Length - shown.Length} more open: " + text.Code("/incident plan " + incident.Key, 60));
    }
}

/// <summary>
/// An open task: number and text, who owns it and when it is due, and its "Done" button. <see cref="Phase"/> is the
/// phase's title on the first task of a phase and empty otherwise; <see cref="Lead"/> is the same as a Slack line.
/// </summary>
public sealed record ChecklistTask(int Number, string Phase, string Lead, string Text, string Details, bool Overdue, CardAction Done)
{
    public static ChecklistTask From(Incident incident, IncidentTask task, bool firstOfPhase, CardText text, DateTimeOffset now)
    {
        var phase = firstOfPhase ? PlanPhases.Title(task.Task.Phase) + (task.Task.Phase == incident.Phase ? " (now)" : "") : "";
        var parts = new List<string> { incident.TaskOwner(task) is { } owner ? text.User(owner) : text.Markup(task.Task.Owner ?? "no owner", 60) };
        var overdue = incident.IsOverdue(task, now);
        if (incident.DueAt(task) is { } due)
        {
            parts.Add((overdue ? (text.IsSlack ? ":warning: overdue since " : "⚠️ overdue since ") : "due ") + CardText.ShortTime(due));
        }

        if (task.Task.Required)
        {
            parts.Add(task.Overridden is null ? "required" : "required, overridden");
        }

        return new ChecklistTask(
            task.Number,
            phase,
            phase.Length == 0 ? "" : "*" + phase + "*\n",
            text.Markup($"{task.Number}. {task.Task.Text}", 500),
            string.Join(" · ", parts),
            overdue,
            CardAction.Of("Done", $"task {incident.Key} done {task.Number}", "positive"));
    }
}
