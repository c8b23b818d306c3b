using System.Globalization;
using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Paging;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

public static partial class IncidentDecider
{
    private static readonly Decision Nothing = Decision.Accept("Nothing to do.", []);

    private static Decision PageSomeone(Incident state, PageCommand command, CommandContext context)
    {
        var message = string.IsNullOrWhiteSpace(command.Message) ? null : command.Message.Trim();
        var events = new List<EventData>();
        var effects = new List<Effect>();
        UserRef to;
        string? role = null;
        if (command.Role is not null)
        {
            role = state.RoleName(command.Role) ?? command.Role.Trim().ToLowerInvariant();
            var list = OnCallFor(state, role, context);
            if (list.Count == 0)
            {
                return Decision.Reject($"There is no on-call list for {role}: set one with `/incident oncall {role} @a @b`, or page a person with `/incident page @user`.");
            }

            if (state.OpenPages.FirstOrDefault(p => string.Equals(p.Role, role, StringComparison.OrdinalIgnoreCase)) is { } open)
            {
                return Decision.Reject($"{role} is already being paged on {state.Key}: {open.To} has until {Clock(open.Deadline)} to answer.");
            }

            SnapshotOnCall(state, role, list, events);
            to = list[0];
        }
        else if (command.User is not null)
        {
            to = Resolve(command.User, context.Actor);
            if (to.Equals(context.Actor))
            {
                return Decision.Reject("You cannot page yourself; page a role (`/incident page ops`) or someone else (`/incident page @user`).");
            }

            if (state.OpenPageFor(to) is { } open)
            {
                return Decision.Reject($"{to} is already paged on {state.Key} and has until {Clock(open.Deadline)} to answer.");
            }
        }
        else
        {
            return Decision.Reject("Say whom to page: `/incident page <role|@user> [message]`.");
        }

        var deadline = SendPageTo(state, to, role, message, 1, null, context.Now, events, effects);
        var whom = role is null ? to.ToString() : $"{to} ({role} on call)";
        effects.Add(new PostToChannel($"{context.Actor} paged {whom}; they have until {Clock(deadline)} to acknowledge."));
        return Decision.Accept($"Paged {whom} on {state.Key}; they have until {Clock(deadline)} to acknowledge.", events, effects);
    }

    private static Decision Acknowledge(Incident state, CommandContext context)
    {
        if (state.OpenPageFor(context.Actor) is not { } page)
        {
            return NoOpenPage(state, "acknowledge");
        }

        var actor = context.Actor;
        var events = new List<EventData> { new PageAcknowledged(page.Id) };
        var effects = new List<Effect> { new InviteUsers([actor]), new SyncIncidentCard(), new SyncPageCard(page.Id) };
        if (state.HandoverOf(page.Id) is { } handover)
        {
            return CompleteHandover(state, handover, events, effects, actor);
        }

        var reply = $"Acknowledged: thank you. Join the {state.Key} channel.";
        var told = $"{actor} acknowledged the page.";
        if (page.Role is { } role && state.RoleName(role) is not null)
        {
            var holder = state.Holder(role);
            if (holder is null || (state.PurposeOf(page.Id) == PagePurposes.Assign && !holder.Equals(actor)))
            {
                if (holder is not null)
                {
                    events.Add(new RoleReleased(role, holder, $"replaced by {actor}"));
                }

                events.Add(new RoleAssigned(role, actor));
                reply = $"Acknowledged: you are now {role} on {state.Key}. Join its channel.";
                told = $"{actor} acknowledged and is now {role}.";
            }
        }

        effects.Add(new PostToChannel(told));
        return Decision.Accept(reply, events, effects);
    }

    private static Decision DeclinePage(Incident state, CommandContext context)
    {
        if (state.OpenPageFor(context.Actor) is not { } page)
        {
            return NoOpenPage(state, "decline");
        }

        var events = new List<EventData> { new PageDeclined(page.Id) };
        var effects = new List<Effect> { new SyncIncidentCard(), new SyncPageCard(page.Id) };
        var next = Escalate(state, page, "was declined", context, events, effects);
        var reply = next is null ? $"Declined the page on {state.Key}." : $"Declined the page on {state.Key}; {next} is paged instead.";
        return Decision.Accept(reply, events, effects);
    }

    /// <summary>A page's deadline passed: expire it and escalate, unless it was answered already (then nothing).</summary>
    private static Decision OnPageTimer(Incident state, string pageId, CommandContext context)
    {
        if (state.FindPage(pageId) is not { Status: PageStatus.Paged } page)
        {
            return Nothing;
        }

        var events = new List<EventData> { new PageExpired(page.Id) };
        var effects = new List<Effect> { new SyncIncidentCard(), new SyncPageCard(page.Id) };
        var next = Escalate(state, page, "expired unanswered", context, events, effects);
        return Decision.Accept(next is null ? $"The page to {page.To} expired." : $"The page to {page.To} expired; {next} is paged next.", events, effects);
    }

    /// <summary>After an expired or declined page: page the next person on the role's on-call list, start again from the
    /// top (telling the commander, else the declarer), or give up after the last round. Returns who is paged next.</summary>
    private static UserRef? Escalate(Incident state, Page page, string what, CommandContext context, List<EventData> events, List<Effect> effects)
    {
        var owner = state.Commander ?? state.DeclaredBy;
        if (state.HandoverOf(page.Id) is { } handover)
        {
            var keeper = state.Commander ?? handover.From;
            var text = $"The hand-over page to {page.To} {what}; {keeper} keeps command of {state.Key}.";
            effects.Add(new PostToChannel(text));
            effects.Add(new NotifyUser(keeper, text));
            return null;
        }

        if (!state.IsActive)
        {
            effects.Add(new PostToChannel($"The page to {page.To} {what}; {state.Key} is {Describe(state.Status)}, so nobody else is paged."));
            return null;
        }

        if (page.Role is { } role && state.Holder(role) is { } holder)
        {
            effects.Add(new PostToChannel($"The page to {page.To} {what}; {role} is held by {holder}, so nobody else is paged."));
            return null;
        }

        var step = Escalation.After(state, page);
        if (step is null)
        {
            var text = $"The page to {page.To} on {state.Key} {what}. Page someone else with `/incident page <role|@user>`.";
            effects.Add(new PostToChannel(text));
            if (!owner.Equals(page.To) && owner.Platform != PlatformNames.System)
            {
                effects.Add(new NotifyUser(owner, text));
            }

            return null;
        }

        if (step.GaveUp)
        {
            var text = $"Nobody on the {page.Role} on-call list acknowledged a page on {state.Key} after {state.PageRounds} round(s); paging has stopped. " +
                $"Page someone with `/incident page @user`, or update the list with `/incident oncall {page.Role} @a @b`.";
            effects.Add(new PostToChannel(text));
            effects.Add(new NotifyUser(owner, text));
            return null;
        }

        if (step.StartedAgain)
        {
            effects.Add(new NotifyUser(owner, $"Everyone on the {page.Role} on-call list of {state.Key} was paged without an acknowledgement; starting again from the top (round {step.Round} of {state.PageRounds})."));
        }

        var next = step.Next!;
        var deadline = SendPageTo(state, next, page.Role, page.Message, step.Round, null, context.Now, events, effects);
        var round = step.StartedAgain ? $", round {step.Round.ToString(CultureInfo.InvariantCulture)}" : "";
        effects.Add(new PostToChannel($"The page to {page.To} {what}; paging {next} ({page.Role} on call{round}) until {Clock(deadline)}."));
        return next;
    }

    /// <summary>Adds a PageSent and its SendPage, deadline timer and card sync; returns the deadline.</summary>
    private static DateTimeOffset SendPageTo(Incident state, UserRef to, string? role, string? message, int round, string? purpose, DateTimeOffset now, List<EventData> events, List<Effect> effects) =>
        SendPageTo(PageId(state.Pages.Count + 1), state.Policy.PageTimeout, to, role, message, round, purpose, now, events, effects);

    private static DateTimeOffset SendPageTo(string id, TimeSpan timeout, UserRef to, string? role, string? message, int round, string? purpose, DateTimeOffset now, List<EventData> events, List<Effect> effects)
    {
        var deadline = now + timeout;
        events.Add(new PageSent(id, to, role, message, deadline, round) { Purpose = purpose });
        effects.Add(new SendPage(id, to, role, message, deadline));
        effects.Add(new ScheduleTimer(TimerKeys.Page(id), deadline));
        if (!effects.OfType<SyncIncidentCard>().Any())
        {
            effects.Add(new SyncIncidentCard());
        }

        return deadline;
    }

    /// <summary>Page ids are <c>p1</c>, <c>p2</c>… in the order pages are sent within an incident.</summary>
    private static string PageId(int n) => "p" + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The org-wide on-call list of a role (configuration overlaid by <c>oncall</c>), else the incident's snapshot.</summary>
    private static IReadOnlyList<UserRef> OnCallFor(Incident state, string role, CommandContext context)
    {
        var live = context.OnCall.FirstOrDefault(kv => string.Equals(kv.Key, role, StringComparison.OrdinalIgnoreCase)).Value;
        if (live is { Count: > 0 })
        {
            return live;
        }

        return state.OnCallLists.TryGetValue(role, out var snapshot) ? snapshot : [];
    }

    /// <summary>Snapshots the list into the incident (OnCallListSet) unless the incident already has exactly this list.</summary>
    private static void SnapshotOnCall(Incident state, string role, IReadOnlyList<UserRef> list, List<EventData> events)
    {
        if (!state.OnCallLists.TryGetValue(role, out var current) || !current.SequenceEqual(list))
        {
            events.Add(new OnCallListSet(role, list.ToArray()));
        }
    }

    private static Decision NoOpenPage(Incident state, string verb)
    {
        var open = state.OpenPages;
        var who = open.Count == 0 ? "nobody is being paged there now" : "open pages are for " + string.Join(", ", open.Select(p => p.To.ToString()).Distinct());
        return Decision.Reject($"You have no open page to {verb} on {state.Key} ({who}). To help, take a role with `/incident role <role> me`.");
    }
}
