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
