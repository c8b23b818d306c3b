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

        if (TimerKeys.TryParseReminder(command.TimerKey, out var reminder))
        {
            if (PlanReminders.TaskId(reminder) is { } taskId)
            {
                return OnTaskReminder(state, taskId, context);
            }

            return OnReminderTimer(state, reminder, context);
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
    /// A reminder timer: sends the reminder when its condition still holds, it is due (not snoozed, not sent too
    /// recently) and it was sent fewer than <c>MaxReminders</c> times; then re-arms itself while the count allows.
    /// </summary>
    private static Decision OnReminderTimer(Incident state, string reminder, CommandContext context)
    {
        if (!Reminders.Applies(state, reminder)
            || Reminders.Count(state, reminder) >= context.Options.MaxReminders
            || Reminders.NextDue(state, reminder) is not { } due
            || context.Now < due)
        {
            return Nothing;
        }

        var interval = Reminders.Interval(state, reminder)!.Value;
        var to = Reminders.Recipient(state, reminder);
        var text = ReminderText(state, reminder, context.Now);
        var events = new List<EventData> { new ReminderSent(reminder, to, text) };
        var effects = new List<Effect> { new NotifyUser(to, text) { Snooze = ReminderNames.SnoozeWord(reminder) } };
        if (reminder != ReminderNames.Update)
        {
            effects.Add(new PostToChannel(text));
        }

        if (Reminders.Count(state, reminder) + 1 < context.Options.MaxReminders)
        {
            effects.Add(new ScheduleTimer(TimerKeys.Reminder(reminder), context.Now + interval));
        }

        return Decision.Accept($"Reminded {to}.", events, effects);
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
        var effects = names.Select(n => (Effect)new ScheduleTimer(TimerKeys.Reminder(n), until)).ToArray();
        var what = string.Join(", ", names.Select(ReminderNames.SnoozeWord));
        return Decision.Accept($"Snoozed the {what} reminder(s) of {state.Key} until {Clock(until)}.", events, effects);
    }
}
