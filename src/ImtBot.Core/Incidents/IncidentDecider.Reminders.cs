using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Paging;
using ImtBot.Core.Plans;

namespace ImtBot.Core.Incidents;

public static partial class IncidentDecider
{
    private static readonly TimeSpan MaxSnooze = TimeSpan.FromDays(1);

    private static Decision OnTimer(Incident state, TimerCommand command, CommandContext context)
    {
        // Follow-ups outlive the incident: their reminders fire after the close too.
        if (ActionReminders.TryParseTimer(command.TimerKey, out var actionId))
        {
            return OnActionTimer(state, actionId, context);
        }

        if (command.TimerKey == ReviewReminder.TimerKey)
        {
            return OnReviewTimer(state);
        }

        if (state.IsFinal)
        {
            return Nothing;
        }

        if (TimerKeys.TryParsePage(command.TimerKey, out var pageId))
        {
            return OnPageTimer(state, pageId, context);
        }

        // Timers of one reminder each (reminder:update, reminder:task:…) were armed before an incident had one reminder
        // timer; they still fire in databases written then, and do what the one timer does.
        if (command.TimerKey == TimerKeys.Reminders || TimerKeys.TryParseReminder(command.TimerKey, out _))
        {
            return OnReminderTimer(state, context);
        }

        if (TimerKeys.TryParsePlanStep(command.TimerKey, out var stepTask))
        {
            return OnPlanStep(state, stepTask, context);
        }

        if (TimerKeys.TryParseDrillInject(command.TimerKey, out var inject))
        {
            return OnDrillTimer(state, inject, context);
        }

        return Decision.Reject($"Unknown timer \"{command.TimerKey}\".");
    }

    /// <summary>
    /// The incident's reminder timer: sends every reminder due by now (<see cref="ReminderSchedule"/>) — at most
    /// <c>MaxReminders</c> times each, to the channel and the person it is for. It arms nothing itself:
    /// <see cref="WithReminderTimer"/> arms the next from the state these reminders leave.
    /// </summary>
    private static Decision OnReminderTimer(Incident state, CommandContext context)
    {
        var events = new List<EventData>();
        var effects = new List<Effect>();
        var reminded = new List<string>();
        foreach (var (reminder, due) in ReminderSchedule.Pending(state, context.Options.MaxReminders).ToArray())
        {
            if (due > context.Now)
            {
                continue;
            }

            if (PlanReminders.TaskId(reminder) is { } taskId)
            {
                var task = state.Tasks.First(t => t.Task.Id == taskId);
                var owner = state.TaskOwner(task) ?? state.Commander;
                var text = TaskReminderText(state, task);
                events.Add(new ReminderSent(reminder, owner, text));
                if (owner is not null)
                {
                    effects.Add(new NotifyUser(owner, text) { Snooze = PlanReminders.SnoozeWord(task) });
                }

                effects.Add(new PostToChannel(text));
                reminded.Add(owner?.ToString() ?? "the channel");
                continue;
            }

            var to = Reminders.Recipient(state, reminder);
            var said = ReminderText(state, reminder, context.Now);
            events.Add(new ReminderSent(reminder, to, said));
            effects.Add(new NotifyUser(to, said) { Snooze = ReminderNames.SnoozeWord(reminder) });
            if (reminder != ReminderNames.Update)
            {
                effects.Add(new PostToChannel(said));
            }

            reminded.Add(to.ToString());
        }

        if (events.Count == 0)
        {
            return Nothing;
        }

        // An overdue task shows on the card, and the card counts overdue tasks at the time of its last event.
        if (events.Any(e => e is ReminderSent { Reminder: var r } && PlanReminders.TaskId(r) is not null))
        {
            effects.Add(new SyncIncidentCard());
        }

        return Decision.Accept($"Reminded {string.Join(", ", reminded.Distinct())}.", events, effects);
    }

    /// <summary>
    /// Arms the incident's reminder timer when a commit moves its earliest due reminder: the service and the tests'
    /// scenario call it with the incident as the decision's events leave it (<paramref name="after"/>). Unmoved, the
    /// timer already armed wakes in time; moved later, the armed timer wakes early, finds nothing due and does nothing.
    /// </summary>
    /// <param name="earliestBefore"><see cref="ReminderSchedule.Earliest"/> of the incident before the decision.</param>
    public static Decision WithReminderTimer(DateTimeOffset? earliestBefore, Incident after, Decision decision, IncidentOptions options)
    {
        if (!decision.Accepted || decision.Events.Count == 0
            || ReminderSchedule.Earliest(after, options.MaxReminders) is not { } next || next == earliestBefore)
        {
            return decision;
        }

        return decision with { Effects = [.. decision.Effects, new ScheduleTimer(TimerKeys.Reminders, next)] };
    }

    private static string ReminderText(Incident state, string reminder, DateTimeOffset now)
    {
        var waited = Minutes(now - Reminders.Since(state, reminder));
        var snooze = $"(Snooze: `/incident snooze {ReminderNames.SnoozeWord(reminder)} [minutes]`.)";
        if (reminder == ReminderNames.Commander)
        {
            return $"{state.Key} has had no commander for {waited}: take command with `/incident lead`, or assign one with `/incident role {state.Lead} @user`. {snooze}";
        }

        if (reminder == ReminderNames.Update)
        {
            return $"{state.Key} has had no stakeholder update for {waited} (the {state.Policy.Name} cadence is {Minutes(state.Policy.UpdateCadence ?? TimeSpan.Zero)}): post one with `/incident update <text>`. {snooze}";
        }

        var role = ReminderNames.RoleOf(state, reminder);
        return $"{state.Key} has had nobody as {role} for {waited}: assign someone with `/incident role {role} @user`, page the on-call with `/incident page {role}`, or take it with `/incident role {role} me`. {snooze}";
    }

    private static Decision Snooze(Incident state, SnoozeCommand command, CommandContext context)
    {
        if (ActionReminders.TryParseSnooze(command.Reminder, out var actionId))
        {
            return SnoozeAction(state, actionId, command, context);
        }

        var names = ReminderNames.Resolve(state, command.Reminder);
        if (names.Count == 0)
        {
            var roles = state.KeyRoles.Where(r => !string.Equals(r, state.Lead, StringComparison.OrdinalIgnoreCase));
            return Decision.Reject($"There is no reminder \"{command.Reminder}\": snooze `commander`, `update`, `roles` or one key role ({string.Join(", ", roles)}), e.g. `/incident snooze update 30`.");
        }

        if (command.For <= TimeSpan.Zero || command.For > MaxSnooze)
        {
            return Decision.Reject("Snooze for 1 to 1440 minutes, e.g. `/incident snooze update 30`.");
        }

        var until = context.Now + command.For;
        var events = names.Select(n => (EventData)new ReminderSnoozed(n, until)).ToArray();
        var what = string.Join(", ", names.Select(ReminderNames.SnoozeWord));
        return Decision.Accept($"Snoozed the {what} reminder(s) of {state.Key} until {Clock(until)}.", events);
    }
}
