using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Paging;

namespace ImtBot.Core.Incidents;

public static partial class IncidentDecider
{
    private static Decision PostUpdate(Incident state, UpdateCommand command, CommandContext context)
    {
        if (string.IsNullOrWhiteSpace(command.Text))
        {
            return Decision.Reject("Write the update: `/incident update <text>`, e.g. `/incident update Payments recovering, next update in 30 minutes`.");
        }

        var text = command.Text.Trim();
        var effects = new List<Effect> { new PostStatusUpdate(text, context.Actor), new SyncIncidentCard() };
        return Decision.Accept($"Update posted to the {state.Key} channel and the announcements.", [new UpdatePosted(text)], effects);
    }

    /// <summary>A note is on the timeline only (the card does not show notes), so it has no effects.</summary>
    private static Decision AddNote(Incident state, NoteCommand command) =>
        string.IsNullOrWhiteSpace(command.Text)
            ? Decision.Reject("Write the note: `/incident note <text>`.")
            : Decision.Accept($"Noted on the {state.Key} timeline.", [new NoteAdded(command.Text.Trim())]);

    private static Decision AddAction(Incident state, ActionCommand command, CommandContext context)
    {
        if (string.IsNullOrWhiteSpace(command.Text))
        {
            return Decision.Reject("Describe the action: `/incident action <text> [@owner] [due <yyyy-mm-dd>]`.");
        }

        var id = state.Actions.Count == 0 ? 1 : state.Actions.Max(a => a.Id) + 1;
        var owner = command.Owner is null ? null : Resolve(command.Owner, context.Actor);
        var text = command.Text.Trim();
        var due = command.Due is { } d ? $", due {d:yyyy-MM-dd}" : "";
        var effects = new List<Effect> { new SyncIncidentCard() };
        if (owner is not null && !owner.Equals(context.Actor))
        {
            effects.Add(new NotifyUser(owner, $"{context.Actor} gave you action #{id} on {state.Key}: {text}{due}. Mark it done with `/incident action {state.Key} done {id}`."));
        }

        if (owner is not null && OverdueTimer(id, command.Due, context.Now) is { } timer)
        {
            effects.Add(timer);
        }

        var ownedBy = owner is null ? " (no owner yet)" : $" for {owner}";
        return Decision.Accept($"Action #{id} added to {state.Key}{ownedBy}{due}.", [new ActionAdded(id, text, owner, command.Due)], effects);
    }

    private static Decision CompleteAction(Incident state, ActionDoneCommand command)
    {
        if (state.Actions.FirstOrDefault(a => a.Id == command.ActionId) is not { } action)
        {
            var ids = state.Actions.Count == 0 ? "it has none yet" : "its actions are " + string.Join(", ", state.Actions.Select(a => "#" + a.Id));
            return Decision.Reject($"{state.Key} has no action #{command.ActionId}: {ids}.");
        }

        return !action.Done && OpenAction(state, action.Id) is { } closed ? closed
            : action.Done
            ? Decision.Reject($"Action #{action.Id} of {state.Key} is already done.")
            : Decision.Accept($"Action #{action.Id} of {state.Key} is done.", [new ActionCompleted(action.Id)], [new SyncIncidentCard()]);
    }

    /// <summary>A pinned chat message joins the timeline; later edits and deletions of it are recorded, never applied in place.</summary>
    private static Decision CaptureMessage(Incident state, MessageCaptureCommand command)
    {
        var captured = state.CapturedMessages.ContainsKey(command.Platform + ":" + command.MessageId);
        return command.Change.ToLowerInvariant() switch
        {
            "pinned" when captured => Decision.Accept("That message is on the timeline already.", []),
            "pinned" => Decision.Accept($"Message added to the {state.Key} timeline.", [new MessageCaptured(command.Platform, command.MessageId, command.Author, command.PostedAt, command.Text)]),
            "edited" when captured => Decision.Accept("Edit recorded.", [new MessageEdited(command.Platform, command.MessageId, command.Text)]),
            "deleted" when captured => Decision.Accept("Deletion recorded.", [new MessageDeleted(command.Platform, command.MessageId)]),
            "edited" or "deleted" => Nothing,
            _ => Decision.Reject($"Unknown message change \"{command.Change}\": expected pinned, edited or deleted."),
        };
    }
}
