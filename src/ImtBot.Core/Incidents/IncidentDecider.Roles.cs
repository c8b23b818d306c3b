using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Paging;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

public static partial class IncidentDecider
{
    private const string DeputyRole = "deputy";

    /// <summary>
    /// <c>role &lt;role&gt; &lt;@user|me&gt;</c>: taking a role yourself holds it at once (answering your open page for it);
    /// assigning someone else pages them and the role is theirs when they acknowledge. An empty role is anyone's to
    /// fill; a held one is reassigned by its holder, the commander, the deputy or an admin.
    /// </summary>
    private static Decision AssignRole(Incident state, RoleCommand command, CommandContext context)
    {
        if (state.RoleName(command.Role) is not { } role)
        {
            return Decision.Reject($"{state.Key} has no role \"{command.Role}\": its roles are {string.Join(", ", state.RoleNames)}.");
        }

        var actor = context.Actor;
        var target = Resolve(command.User, actor);
        var holder = state.Holder(role);
        if (target.Equals(holder))
        {
            return Decision.Reject($"{target} already holds {role} on {state.Key}.");
        }

        if (holder is not null && !holder.Equals(actor) && !MayGovern(state, actor, context.Options))
        {
            return NotAllowed(state, $"reassign {role} (held by {holder}) on");
        }

        var events = new List<EventData>();
        var effects = new List<Effect> { new SyncIncidentCard() };
        if (target.Equals(actor))
        {
            if (state.OpenPages.FirstOrDefault(p => p.To.Equals(actor) && string.Equals(p.Role, role, StringComparison.OrdinalIgnoreCase)) is { } mine)
            {
                events.Add(new PageAcknowledged(mine.Id));
            }

            if (holder is not null)
            {
                events.Add(new RoleReleased(role, holder, $"taken over by {actor}"));
            }

            events.Add(new RoleAssigned(role, actor));
            effects.Add(new PostToChannel($"{actor} is now {role}."));
            return Decision.Accept($"You are now {role} on {state.Key}.", events, effects);
        }

        if (state.OpenPages.FirstOrDefault(p => p.To.Equals(target) && string.Equals(p.Role, role, StringComparison.OrdinalIgnoreCase)) is { } pending)
        {
            return Decision.Reject($"{target} is already paged for {role} on {state.Key} and has until {Clock(pending.Deadline)} to answer.");
        }

        var list = OnCallFor(state, role, context);
        if (list.Count > 0)
        {
            SnapshotOnCall(state, role, list, events);
        }

        var deadline = SendPageTo(state, target, role, $"You are asked to be {role} on {state.Key}: {state.Title}", 1, PagePurposes.Assign, context.Now, events, effects);
        effects.Add(new PostToChannel($"{actor} asked {target} to be {role}; the role is theirs once they acknowledge (by {Clock(deadline)})."));
        return Decision.Accept($"Paged {target} to be {role} on {state.Key}; the role is theirs once they acknowledge (by {Clock(deadline)}).", events, effects);
    }

    /// <summary><c>handover @user &lt;summary&gt; [release]</c>: the commander pages the new commander with a summary.</summary>
    private static Decision Handover(Incident state, HandoverCommand command, CommandContext context)
    {
        var actor = context.Actor;
        if (state.Commander is not { } commander)
        {
            return Decision.Reject($"Nobody holds command of {state.Key}, so there is nothing to hand over: take command with `/incident lead`, or assign it with `/incident role {state.Lead} @user`.");
        }

        if (!commander.Equals(actor) && !state.Admins.Contains(actor.Id, StringComparer.Ordinal) && !context.Options.IsAdmin(actor))
        {
            return Decision.Reject($"Only the commander ({commander}) or an admin can hand over command of {state.Key}: ask {commander}.");
        }

        var to = Resolve(command.To, actor);
        if (to.Equals(commander))
        {
            return Decision.Reject($"{to} already holds command of {state.Key}.");
        }

        if (string.IsNullOrWhiteSpace(command.Summary))
        {
            return Decision.Reject($"Summarise where things stand for {to}: `/incident handover @user <summary> [release]`.");
        }

        if (state.OpenPages.FirstOrDefault(p => state.PurposeOf(p.Id) == PagePurposes.Handover) is { } open)
        {
            return Decision.Reject($"A hand-over to {open.To} is already waiting for an answer (until {Clock(open.Deadline)}).");
        }

        var summary = command.Summary.Trim();
        var events = new List<EventData> { new HandoverRequested(commander, to, summary, command.Release) };
        var effects = new List<Effect> { new SyncIncidentCard() };
        var deadline = SendPageTo(state, to, state.Lead, $"Take command of {state.Key}: {summary}", 1, PagePurposes.Handover, context.Now, events, effects);
        effects.Add(new PostToChannel($"{commander} asked {to} to take command: {summary}"));
        return Decision.Accept($"Paged {to} to take command of {state.Key}; command passes when they acknowledge (by {Clock(deadline)}).", events, effects);
    }

    /// <summary>The new commander acknowledged: they take the lead; the old one becomes deputy unless released.</summary>
    private static Decision CompleteHandover(Incident state, HandoverRequested handover, List<EventData> events, List<Effect> effects, UserRef actor)
    {
        var lead = state.Lead;
        var previous = state.Commander;
        if (previous is not null && !previous.Equals(actor))
        {
            events.Add(new RoleReleased(lead, previous, $"handed over to {actor}"));
        }

        events.Add(new RoleAssigned(lead, actor));
        var hasDeputy = state.RoleName(DeputyRole) is not null;
        var deputy = state.Deputy;
        if (hasDeputy && actor.Equals(deputy))
        {
            events.Add(new RoleReleased(DeputyRole, actor, "took command"));
            deputy = null;
        }

        var after = "";
        if (!handover.Release && hasDeputy && previous is not null && !previous.Equals(actor))
        {
            if (deputy is not null && !deputy.Equals(previous))
            {
                events.Add(new RoleReleased(DeputyRole, deputy, $"replaced by {previous}"));
            }

            if (!previous.Equals(deputy))
            {
                events.Add(new RoleAssigned(DeputyRole, previous));
            }

            after = $"; {previous} is now deputy";
        }
        else if (previous is not null && !previous.Equals(actor))
        {
            after = $"; {previous} is released";
        }

        effects.Add(new PostToChannel($"{actor} has taken command{(previous is null ? "" : " from " + previous)}{after}. Hand-over summary: {handover.Summary}"));
        return Decision.Accept($"You now have command of {state.Key}. Hand-over summary: {handover.Summary}", events, effects);
    }
}
