using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Paging;

namespace ImtBot.Core.Incidents;

/// <summary>
/// Follow-up actions after they were added: a new owner, a cancel, and the overdue reminder to the owner (a durable
/// timer per action, bounded by <c>MaxReminders</c>, snoozable as <c>action-&lt;n&gt;</c>). All work on a closed incident.
/// </summary>
public static partial class IncidentDecider
{
    private static Decision AssignAction(Incident state, ActionAssignCommand command, CommandContext context)
    {
        if (OpenAction(state, command.ActionId) is { } problem)
        {
            return problem;
        }

        var action = state.Actions.First(a => a.Id == command.ActionId);
        var owner = Resolve(command.Owner, context.Actor);
        if (owner.Equals(action.Owner))
        {
            return Decision.Reject($"Action #{action.Id} of {state.Key} is already {owner}'s.");
        }

        var effects = new List<Effect> { new SyncIncidentCard() };
        if (!owner.Equals(context.Actor))
        {
            var due = action.Due is { } d ? $", due {IncidentText.Date(d)}" : "";
            effects.Add(new NotifyUser(owner, $"{context.Actor} gave you action #{action.Id} on {state.Key}: {action.Text}{due}. Mark it done with `/incident action {state.Key} done {action.Id}`."));
        }

        if (OverdueTimer(action.Id, action.Due, context.Now) is { } timer)
        {
            effects.Add(timer);
        }

        return Decision.Accept($"Action #{action.Id} of {state.Key} is now {owner}'s.", [new ActionAssigned(action.Id, owner)], effects);
    }

    private static Decision CancelAction(Incident state, ActionCancelCommand command) =>
        OpenAction(state, command.ActionId) ?? Decision.Accept(
            $"Action #{command.ActionId} of {state.Key} is cancelled.",
            [new ActionCancelled(command.ActionId, string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim())],
            [new SyncIncidentCard()]);

    /// <summary>A rejection when action <paramref name="id"/> does not exist or is no longer open; null when it is open.</summary>
    private static Decision? OpenAction(Incident state, int id)
    {
        if (state.Actions.FirstOrDefault(a => a.Id == id) is not { } action)
        {
            var ids = state.Actions.Count == 0 ? "it has none yet" : "its actions are " + string.Join(", ", state.Actions.Select(a => "#" + a.Id));
            return Decision.Reject($"{state.Key} has no action #{id}: {ids}.");
        }

        return action.Done ? Decision.Reject($"Action #{id} of {state.Key} is already done.")
            : action.CancelledAt is not null ? Decision.Reject($"Action #{id} of {state.Key} was cancelled; add it again with `/incident action <text>` if it is needed after all.")
            : null;
    }

    /// <summary>The timer that reminds the owner once an action with a due date is overdue (fired now when it already is).</summary>
    private static ScheduleTimer? OverdueTimer(int id, DateOnly? due, DateTimeOffset now) =>
        due is { } d ? new ScheduleTimer(ActionReminders.TimerKey(id), ActionReminders.OverdueAt(d) > now ? ActionReminders.OverdueAt(d) : now) : null;

    /// <summary>
    /// An action's overdue timer: reminds the owner by direct message while the action is open, owned, overdue, not
    /// snoozed and reminded fewer than <c>MaxReminders</c> times; re-arms a day later while the count allows.
    /// </summary>
    private static Decision OnActionTimer(Incident state, int id, CommandContext context)
    {
        var name = ActionReminders.Name(id);
        if (state.Actions.FirstOrDefault(a => a.Id == id) is not { Owner: { } owner, Due: { } due } action
            || !ActionReminders.IsOverdue(action, context.Now)
            || state.SnoozedUntil.GetValueOrDefault(name) > context.Now
            || state.ReminderCount.GetValueOrDefault(name) >= context.Options.MaxReminders
            || (state.ReminderLastSent.TryGetValue(name, out var last) && context.Now - last < ActionReminders.Interval))
        {
            return Nothing;
        }

        var snooze = ActionReminders.SnoozeWord(id);
        var text = $"Action #{id} of {state.Key} was due {IncidentText.Date(due)} and is still open: {action.Text}. " +
            $"Mark it done with `/incident action {state.Key} done {id}`, hand it on with `/incident action {state.Key} assign {id} @user`, " +
            $"or drop it with `/incident action {state.Key} cancel {id} <reason>`. (Snooze: `/incident snooze {state.Key} {snooze} [minutes]`.)";
        var effects = new List<Effect> { new NotifyUser(owner, text) { Snooze = snooze } };
        if (state.ReminderCount.GetValueOrDefault(name) + 1 < context.Options.MaxReminders)
        {
            effects.Add(new ScheduleTimer(ActionReminders.TimerKey(id), context.Now + ActionReminders.Interval));
        }

        return Decision.Accept($"Reminded {owner} of action #{id}.", [new ReminderSent(name, owner, text)], effects);
    }

    private static Decision SnoozeAction(Incident state, int id, SnoozeCommand command, CommandContext context)
    {
        if (state.Actions.FirstOrDefault(a => a.Id == id) is not { IsOpen: true })
        {
            return Decision.Reject($"{state.Key} has no open action #{id} to snooze: `/incident actions` lists the open ones.");
        }

        if (command.For <= TimeSpan.Zero || command.For > MaxSnooze)
        {
            return Decision.Reject($"Snooze for 1 to 1440 minutes, e.g. `/incident snooze {state.Key} {ActionReminders.SnoozeWord(id)} 60`.");
        }

        var until = context.Now + command.For;
        return Decision.Accept($"Snoozed the reminder of action #{id} of {state.Key} until {Clock(until)}.",
            [new ReminderSnoozed(ActionReminders.Name(id), until)], [new ScheduleTimer(ActionReminders.TimerKey(id), until)]);
    }
}
