using ImtBot.Core.Alerts;
using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

public static partial class IncidentDecider
{
    /// <summary>An alert route declares: the usual declaration (channel, card, announcement, the severity's pages) plus the alert,
    /// and a page to <see cref="AlertCommand.PageRole"/> when the severity pages nobody, so an alert always reaches someone.</summary>
    private static Decision DeclareFromAlert(AlertCommand command, DeclareAction action, CommandContext context)
    {
        var alert = command.Alert;
        var title = alert.Title.Length > MaxTitleLength ? alert.Title[..(MaxTitleLength - 1)] + "…" : alert.Title;
        var (type, unknownType) = KnownTypeOrDefault(action.Type, "The alert route", context);
        var declared = DeclareNew(title, action.Severity, IncidentKind.Normal, null, context, type);
        if (!declared.Accepted)
        {
            return declared;
        }

        // The bot is not a participant: the people who answer are.
        var events = declared.Events.Where(e => e is not ParticipantJoined p || p.User.Platform != PlatformNames.System).ToList();
        var fired = Fired(alert);
        events.Insert(1, fired);
        var effects = declared.Effects.ToList();
        if (unknownType is not null)
        {
            effects.Add(new PostToChannel(unknownType));
        }

        effects.Add(new PostToChannel(command.PageOnly
            ? $"Declared from monitoring to page the {command.PageRole} on call: {AlertText.Fired(fired)}. Raise the severity if it is bigger than a page, or cancel it as a false alarm."
            : $"Declared from monitoring: {AlertText.Fired(fired)}"));
        var reply = declared.Reply + (unknownType is null ? "" : " " + unknownType);
        var pagedRole = events.OfType<PageSent>().Any(p => string.Equals(p.Role, command.PageRole, StringComparison.OrdinalIgnoreCase));
        if ((command.PageOnly ? !pagedRole : !events.OfType<PageSent>().Any()) && command.PageRole is { } role)
        {
            var list = context.OnCall.FirstOrDefault(kv => string.Equals(kv.Key, role, StringComparison.OrdinalIgnoreCase)).Value;
            if (list is { Count: > 0 })
            {
                events.Add(new OnCallListSet(role, list.ToArray()));
                var key = IncidentKey.Format(context.NewNumber);
                SendPageTo(PageId(events.OfType<PageSent>().Count() + 1), context.Options.PolicyFor(action.Severity).PageTimeout, list[0], role, $"{key}: {alert.Title}", 1, null, context.Now, events, effects);
                reply += $" Paging {list[0]} ({role} on call).";
            }
            else
            {
                reply += $" Nobody was paged: there is no on-call list for {role} (`/incident oncall {role} @a @b`).";
            }
        }

        return Decision.Accept(reply, events, effects);
    }

    /// <summary>An alert of an open incident fires, fires again or resolves. Resolving never resolves the incident:
    /// when the last alert of an incident declared from monitoring resolves, the channel is told and people decide.</summary>
    private static Decision ReceiveAlert(Incident state, AlertCommand command)
    {
        var alert = command.Alert;
        var known = state.FindAlert(alert.Fingerprint);
        if (alert.Status == AlertState.Firing)
        {
            if (known is { Firing: true })
            {
                return Decision.Accept($"{state.Key} already has this alert firing; counted it.", [new AlertRepeated(alert.Fingerprint)]);
            }

            var fired = Fired(alert);
            return Decision.Accept(
                $"Added the alert to {state.Key}.",
                [fired],
                [new SyncIncidentCard(), new PostToChannel((known is null ? "New " : "Firing again: ") + AlertText.Fired(fired))]);
        }

        if (known is not { Firing: true })
        {
            return Decision.Accept($"{state.Key} has no firing alert {alert.Fingerprint}; nothing changed.", []);
        }

        var effects = new List<Effect> { new SyncIncidentCard(), new PostToChannel($"Alert resolved: {known.Title}{AlertText.Links(alert.Links)}") };
        var stillFiring = state.Alerts.Count(a => a.Firing && a.Fingerprint != alert.Fingerprint);
        if (stillFiring == 0 && state.DeclaredByAlert && state.IsActive)
        {
            effects.Add(new PostToChannel(
                $"Every alert of {state.Key} has resolved. ImtBot does not resolve incidents by itself: when the service is confirmed healthy, move it on with `/incident resolved`."));
        }

        if (Heartbeats.NameOf(alert) is { } heartbeat)
        {
            effects.Add(new Announce($"Heartbeat {heartbeat} is back ({state.Key})."));
        }

        return Decision.Accept($"Resolved the alert on {state.Key}.", [new AlertResolved(alert.Fingerprint)], effects);
    }

    private static AlertFired Fired(Alert alert) =>
        new(alert.Integration, alert.Fingerprint, alert.Title, alert.Labels, alert.Links, alert.GroupKey, alert.StartsAt);
}
