using ImtBot.Core.Incidents;

namespace ImtBot.Core.Plans;

/// <summary>
/// Overdue task reminders: one reminder per task, named <c>task:&lt;task id&gt;</c> (timer key
/// <c>reminder:task:&lt;task id&gt;</c>), snoozed as <c>task&lt;n&gt;</c> (checklist number) or <c>tasks</c> (all).
/// </summary>
public static class PlanReminders
{
    public const string Prefix = "task:";

    /// <summary>How long after a reminder the same overdue task is reminded again (at most <c>MaxReminders</c> times).</summary>
    public static TimeSpan Interval { get; } = TimeSpan.FromMinutes(15);

    /// <summary>The least time a reminder waits after a type change made a task due at once.</summary>
    public static TimeSpan Grace { get; } = TimeSpan.FromMinutes(5);

    public static string Name(string taskId) => Prefix + taskId;

    /// <summary>
    /// When the task's next reminder is due: its due time, a reminder interval after the last one, the end of its
    /// snooze, and never sooner than the grace period after the incident's type last changed (a new plan can make
    /// tasks due at once; the team gets a moment to read the new checklist). Null when the task has no due time.
    /// </summary>
    public static DateTimeOffset? NextDue(Incident state, IncidentTask task)
    {
        if (state.DueAt(task) is not { } due)
        {
            return null;
        }

        var name = Name(task.Task.Id);
        if (state.ReminderLastSent.TryGetValue(name, out var last) && last + Interval > due)
        {
            due = last + Interval;
        }

        if (state.SnoozedUntil.TryGetValue(name, out var until) && until > due)
        {
            due = until;
        }

        if (state.TypeHistory is [.., var (_, _, changed)] && changed > state.DeclaredAt && changed + Grace > due)
        {
            due = changed + Grace;
        }

        return due;
    }

    /// <summary>The task id of a task reminder, or null for any other reminder.</summary>
    public static string? TaskId(string reminder) =>
        reminder.StartsWith(Prefix, StringComparison.Ordinal) ? reminder[Prefix.Length..] : null;

    /// <summary>What to type after <c>snooze</c>: <c>task3</c>.</summary>
    public static string SnoozeWord(IncidentTask task) => "task" + task.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The task reminders a typed snooze name means: <c>task3</c>, <c>task-3</c>, or <c>tasks</c> (every open task); empty otherwise.</summary>
    public static IReadOnlyList<string> Resolve(Incident state, string typed)
    {
        if (typed == "tasks")
        {
            return state.Tasks.Where(t => t.IsOpen).Select(t => Name(t.Task.Id)).ToArray();
        }

        var digits = typed.StartsWith("task", StringComparison.Ordinal) ? typed[4..].TrimStart('-') : "";
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && state.TaskNumber(n) is { IsOpen: true } task
            ? [Name(task.Task.Id)]
            : [];
    }
}
