using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Paging;
using ImtBot.Core.Plans;

namespace ImtBot.Core.Incidents;

/// <summary>
/// Overdue plan tasks remind their owner (the assignee, the holder of the task's role, else the commander) and the
/// channel, like the other reminders: at most <c>MaxReminders</c> times, <see cref="PlanReminders.Interval"/> apart,
/// snoozable. A timer is armed when a task's due time becomes known: at declaration, on a type change, when the
/// incident enters the task's phase, and when a task is added.
/// </summary>
public static partial class IncidentDecider
{
    private static Decision OnTaskReminder(Incident state, string taskId, CommandContext context)
    {
        var name = PlanReminders.Name(taskId);
        var task = state.Tasks.FirstOrDefault(t => t.Task.Id == taskId);
        if (task is null || !task.IsOpen || state.DueAt(task) is not { } due || context.Now < due
            || Reminders.Count(state, name) >= context.Options.MaxReminders
            || (state.SnoozedUntil.TryGetValue(name, out var until) && context.Now < until)
            || (state.ReminderLastSent.TryGetValue(name, out var last) && context.Now < last + PlanReminders.Interval))
        {
            return Nothing;
        }

        var to = state.TaskOwner(task) ?? state.Commander;
        var word = PlanReminders.SnoozeWord(task);
        var text = $"{state.Key} task {task.Number} is overdue (due {Clock(due)}): {task.Task.Text}. " +
            $"Mark it done with `/incident task {state.Key} done {task.Number}` or skip it with a reason. (Snooze: `/incident snooze {state.Key} {word} [minutes]`.)";
        var effects = new List<Effect> { new PostToChannel(text), new SyncIncidentCard() };
        if (to is not null)
        {
            effects.Insert(0, new NotifyUser(to, text) { Snooze = word });
        }

        if (Reminders.Count(state, name) + 1 < context.Options.MaxReminders)
        {
            effects.Add(new ScheduleTimer(TimerKeys.Reminder(name), context.Now + PlanReminders.Interval));
        }

        return Decision.Accept(to is null ? "Reminded the channel." : $"Reminded {to}.", [new ReminderSent(name, to, text)], effects);
    }

    /// <summary>Timers for the tasks of <paramref name="plan"/> whose due time is known once it is adopted at <paramref name="now"/>.</summary>
    private static IEnumerable<Effect> DeclarationTaskTimers(ResponsePlan? plan, DateTimeOffset now) =>
        (plan?.Tasks ?? [])
            .Where(t => t.DueMinutes is not null && (t.DueFrom == PlanDueFrom.Declared || t.Phase is PlanPhases.Detect or PlanPhases.Assess))
            .Select(t => new ScheduleTimer(TimerKeys.Reminder(PlanReminders.Name(t.Id)), now.AddMinutes(t.DueMinutes!.Value)));

    /// <summary>After a type change: a timer for each new open task with a known due time, never sooner than the grace period.</summary>
    private static IEnumerable<Effect> AdoptedTaskTimers(Incident state, ResponsePlan plan, DateTimeOffset now)
    {
        foreach (var task in plan.Tasks.Where(t => t.DueMinutes is not null && !state.Tasks.Any(s => s.Task.Id == t.Id && !s.IsOpen)))
        {
            var from = task.DueFrom == PlanDueFrom.Phase ? state.PhaseStarted(task.Phase) : state.DeclaredAt;
            if (from?.AddMinutes(task.DueMinutes!.Value) is { } due)
            {
                yield return new ScheduleTimer(TimerKeys.Reminder(PlanReminders.Name(task.Id)), due > now + PlanReminders.Grace ? due : now + PlanReminders.Grace);
            }
        }
    }

    /// <summary>A status change that enters a phase arms the timers of that phase's tasks due from entering it.</summary>
    private static Decision WithPhaseTimers(Incident state, Decision decision, CommandContext context)
    {
        if (!decision.Accepted || decision.Events.OfType<StatusChanged>().LastOrDefault() is not { } moved)
        {
            return decision;
        }

        var reached = PlanPhases.Order(PlanPhases.Reached(moved.To));
        var timers = state.Tasks
            .Where(t => t.IsOpen && t.Task.DueFrom == PlanDueFrom.Phase && t.Task.DueMinutes is not null
                && state.PhaseStarted(t.Task.Phase) is null && PlanPhases.Order(t.Task.Phase) <= reached)
            .Select(t => (Effect)new ScheduleTimer(TimerKeys.Reminder(PlanReminders.Name(t.Task.Id)), context.Now.AddMinutes(t.Task.DueMinutes!.Value)))
            .ToArray();
        return timers.Length == 0 ? decision : decision with { Effects = [.. decision.Effects, .. timers] };
    }
}
