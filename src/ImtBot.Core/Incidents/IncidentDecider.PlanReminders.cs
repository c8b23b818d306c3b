using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Paging;
using ImtBot.Core.Plans;

namespace ImtBot.Core.Incidents;

/// <summary>
/// Overdue plan tasks remind their owner (the assignee, the holder of the task's role, else the commander) and the
/// channel, like the other reminders: at most <c>MaxReminders</c> times, <see cref="PlanReminders.Interval"/> apart,
/// snoozable. They are sent by the incident's one reminder timer (<see cref="Paging.ReminderSchedule"/>), which is
/// armed whenever a task's due time becomes the earliest: at declaration, on a type change, when the incident enters
/// the task's phase, when a task is added.
/// </summary>
public static partial class IncidentDecider
{
    private static string TaskReminderText(Incident state, IncidentTask task)
    {
        var word = PlanReminders.SnoozeWord(task);
        return $"{state.Key} task {task.Number} is overdue (due {Clock(state.DueAt(task)!.Value)}): {task.Task.Text}. " +
            $"Mark it done with `/incident task {state.Key} done {task.Number}` or skip it with a reason. (Snooze: `/incident snooze {state.Key} {word} [minutes]`.)";
    }
}
