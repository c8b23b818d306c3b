using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Paging;

namespace ImtBot.Core.Incidents;

public static partial class IncidentDecider
{
    private static Decision Move(Incident state, TransitionCommand command, CommandContext context)
    {
        switch (command.Target)
        {
            case IncidentStatus.Closed:
                return Close(state, context);
            case IncidentStatus.Cancelled:
                return Decision.Reject($"Cancelling needs a reason: `/incident cancel <reason>`.");
        }

        if (IncidentLifecycle.TriggerFor(command.Target) is not { } trigger)
        {
            return Decision.Reject($"{state.Key} cannot be moved back to {Describe(command.Target)}; {Allowed(state)}.");
        }

        if (command.Target == IncidentStatus.Resolved && !MayGovern(state, context.Actor, context.Options))
        {
            return NotAllowed(state, "resolve");
        }

        return Fire(state, trigger, command.Note, context);
    }

    private static Decision Reopen(Incident state, ReopenCommand command, CommandContext context) =>
        MayGovern(state, context.Actor, context.Options)
            ? Fire(state, LifecycleTrigger.Reopen, command.Reason, context)
            : NotAllowed(state, "reopen");

    private static Decision Cancel(Incident state, CancelCommand command, CommandContext context)
    {
        if (!MayGovern(state, context.Actor, context.Options))
        {
            return NotAllowed(state, "cancel");
        }

        return string.IsNullOrWhiteSpace(command.Reason)
            ? Decision.Reject($"Say why {state.Key} is a false alarm: `/incident cancel <reason>`.")
            : Fire(state, LifecycleTrigger.Cancel, command.Reason.Trim(), context);
    }

    private static Decision Close(Incident state, CommandContext context) =>
        MayGovern(state, context.Actor, context.Options)
            ? Fire(state, LifecycleTrigger.Close, null, context)
            : NotAllowed(state, "close");

    private static Decision Fire(Incident state, LifecycleTrigger trigger, string? note, CommandContext context)
    {
        if (IncidentLifecycle.Target(state.Status, trigger) is not { } to)
        {
            return Decision.Reject(Unreachable(state, trigger));
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        var events = new List<EventData> { new StatusChanged(state.Status, to, note) };
        var effects = new List<Effect> { new SyncIncidentCard() };
        var said = note is null ? "" : $": {note}";
        var now = context.Now;
        var drill = state.Kind == IncidentKind.Drill ? "DRILL " : "";
        switch (trigger)
        {
            case LifecycleTrigger.Resolve:
                effects.Add(new PostToChannel($"{state.Key} is resolved (by {context.Actor}){said}. Close it with `/incident close` to write the review."));
                effects.Add(new Announce($"{drill}{state.Key} resolved: {state.Title}{said}"));
                break;
            case LifecycleTrigger.Reopen:
                effects.Add(new PostToChannel($"{state.Key} is reopened (by {context.Actor}){said}."));
                effects.Add(new Announce($"{drill}{state.Key} reopened: {state.Title}{said}"));
                break;
            case LifecycleTrigger.Cancel:
                effects.Add(new PostToChannel($"{state.Key} is cancelled as a false alarm (by {context.Actor}){said}. The channel will be archived on {ArchiveDate(now, context)}."));
                effects.Add(new Announce($"{drill}{state.Key} cancelled: {state.Title}{said}"));
                effects.Add(new ArchiveChannel(now + context.Options.ArchiveAfter));
                break;
            case LifecycleTrigger.Close:
                return CloseWithReview(state, events, effects, context);
            default:
                effects.Add(new PostToChannel($"{state.Key} is now {Describe(to)} (by {context.Actor}){said}."));
                break;
        }

        return Decision.Accept($"{state.Key} is now {Describe(to)}.", events, effects);
    }

    private static Decision CloseWithReview(Incident state, List<EventData> events, List<Effect> effects, CommandContext context)
    {
        var now = context.Now;
        effects.Insert(0, new PostReview());
        effects.Add(new PostToChannel($"{state.Key} is closed (by {context.Actor}); the review is posted. The channel will be archived on {ArchiveDate(now, context)}."));
        effects.Add(new ArchiveChannel(now + context.Options.ArchiveAfter));
        effects.Add(new AnchorHead());
        var reply = $"{state.Key} is closed and its review is posted.";
        if (ReviewMeetingTimer(state, now) is { } reviewTimer)
        {
            effects.Add(reviewTimer);
            reply += $" Finish the review by {Reviews.DurationText.Time(reviewTimer.DueAt)} UTC ({state.PeakPolicy.Name}).";
        }

        var unowned = state.Actions.Where(a => !a.Done && a.Owner is null).ToArray();
        if (unowned.Length > 0)
        {
            var to = state.Commander ?? context.Actor;
            var list = string.Join("; ", unowned.Select(a => $"#{a.Id} {a.Text}"));
            var text = $"{state.Key} closed with {unowned.Length} open action item(s) without an owner: {list}. Give each one an owner.";
            events.Add(new ReminderSent(ReminderNames.Actions, to, text));
            effects.Add(new NotifyUser(to, text));
            reply += $" {unowned.Length} open action item(s) have no owner: {list}.";
        }

        return Decision.Accept(reply, events, effects);
    }

    private static string ArchiveDate(DateTimeOffset now, CommandContext context) =>
        (now + context.Options.ArchiveAfter).UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string Unreachable(Incident state, LifecycleTrigger trigger)
    {
        var target = trigger switch
        {
            LifecycleTrigger.Investigate or LifecycleTrigger.Reopen => IncidentStatus.Investigating,
            LifecycleTrigger.Identify => IncidentStatus.Identified,
            LifecycleTrigger.Mitigate => IncidentStatus.Mitigated,
            LifecycleTrigger.Resolve => IncidentStatus.Resolved,
            LifecycleTrigger.Cancel => IncidentStatus.Cancelled,
            _ => IncidentStatus.Closed,
        };
        if (target == state.Status && trigger != LifecycleTrigger.Reopen)
        {
            return $"{state.Key} is already {Describe(state.Status)}; {Allowed(state)}.";
        }

        var what = trigger switch
        {
            LifecycleTrigger.Reopen => "be reopened: only a resolved incident can",
            LifecycleTrigger.Cancel => "be cancelled: only a declared or investigating incident can (resolve it instead)",
            LifecycleTrigger.Close => "be closed: resolve it first with `/incident resolved`",
            LifecycleTrigger.Investigate when state.Status == IncidentStatus.Resolved => "go back to investigating: use `/incident reopen [reason]`",
            _ => $"move to {Describe(target)}",
        };
        return $"{state.Key} is {Describe(state.Status)} and cannot {what}; {Allowed(state)}.";
    }

    private static string Allowed(Incident state)
    {
        var words = IncidentLifecycle.PermittedTriggers(state.Status).Select(t => t switch
        {
            LifecycleTrigger.Investigate => "`investigating`",
            LifecycleTrigger.Identify => "`identified`",
            LifecycleTrigger.Mitigate => "`mitigated`",
            LifecycleTrigger.Resolve => "`resolved`",
            LifecycleTrigger.Reopen => "`reopen`",
            LifecycleTrigger.Cancel => "`cancel <reason>`",
            _ => "`close`",
        }).ToArray();
        return words.Length == 0 ? "it is final" : "from here: " + string.Join(", ", words);
    }
}
