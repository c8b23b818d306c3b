using System.Globalization;
using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Paging;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Alerts.Pages;

/// <summary>
/// The decisions on an <see cref="AlertPage"/>. Pure: the page as folded, the command, who and when in; events, effects and
/// the reply out. Paging walks the on-call list as an incident's role pages do (<see cref="Escalation"/>): a page expires
/// at its deadline or is declined and the next person is paged, round after round, until someone acknowledges.
/// </summary>
public static class AlertPageDecider
{
    /// <summary>A <c>page &lt;role&gt;</c> route: open the alert page and page the first person on the role's list.</summary>
    public static Decision Open(Alert alert, string role, IReadOnlyList<UserRef> onCall, TimeSpan timeout, int rounds, string platform, int number, DateTimeOffset now)
    {
        var key = AlertPageKey.Format(number);
        var labels = new SortedDictionary<string, string>(alert.Labels.ToDictionary(), StringComparer.Ordinal);
        var events = new List<EventData>
        {
            new AlertPageOpened(alert.Integration, alert.Fingerprint, alert.Title, labels, alert.Links, alert.GroupKey, alert.StartsAt, role, onCall.ToArray(), timeout, rounds, platform),
        };
        var effects = new List<Effect>();
        if (onCall.Count == 0)
        {
            effects.Add(new Announce($"{key}: {alert.Title} — nobody was paged: there is no on-call list for {role} (`/incident oncall {role} @a @b`)."));
            return Decision.Accept($"Opened {key}; nobody was paged: there is no on-call list for {role}.", events, effects);
        }

        var deadline = SendPage(PageId(1), onCall[0], role, alert.Title, 1, timeout, now, events, effects);
        return Decision.Accept($"Opened {key} and paged {onCall[0]} ({role} on call) until {IncidentDecider.Clock(deadline)}.", events, effects);
    }

    /// <summary>The alert fired again: counted. Silenced, it pages nobody; otherwise the page already under way stands.</summary>
    public static Decision Repeat(AlertPage page, DateTimeOffset now) =>
        Decision.Accept(
            page.IsSilenced(now)
                ? $"{page.Key} is silenced until {IncidentDecider.Clock(page.SilencedUntil!.Value)}; counted the alert, nobody was paged."
                : $"{page.Key} already has this alert; counted it.",
            [new AlertRepeated(page.Fingerprint)]);

    /// <summary>The alert resolved: paging stops and the person who has it (acknowledged, or paged now) is told.</summary>
    public static Decision Resolve(AlertPage page, Alert alert)
    {
        if (!page.Firing)
        {
            return Decision.Accept($"{page.Key} has already resolved; nothing changed.", []);
        }

        var effects = new List<Effect>();
        var text = $"{page.Key} resolved: {page.Title}{AlertText.Links(alert.Links)}";
        foreach (var person in Holders(page))
        {
            effects.Add(new NotifyUser(person, text + (page.AcknowledgedBy is null ? " Nothing to acknowledge any more." : "")));
        }

        effects.AddRange(CardSyncs(page));
        if (Heartbeats.NameOf(alert) is { } heartbeat)
        {
            effects.Add(new Announce($"Heartbeat {heartbeat} is back ({page.Key})."));
        }

        return Decision.Accept($"Resolved {page.Key}.", [new AlertResolved(page.Fingerprint)], effects);
    }

    /// <summary>A person's command on the alert page; <c>declare</c> is only checked here (the service declares, then records it with <see cref="Declared"/>).</summary>
    public static Decision Decide(AlertPage page, AlertPageCommand command, UserRef actor, DateTimeOffset now) => command.Verb switch
    {
        AlertPageVerb.Ack => Acknowledge(page, actor),
        AlertPageVerb.Decline => Decline(page, actor, now),
        AlertPageVerb.Silence => Silence(page, command.For ?? CommandParser.DefaultSilence, now),
        AlertPageVerb.Unsilence => Unsilence(page, now),
        AlertPageVerb.Declare => CanDeclare(page),
        _ => Decision.Reject($"`{command.Verb.ToString().ToLowerInvariant()}` does not apply to an alert page."),
    };

    /// <summary>Whether an incident may be declared from the page: an accepted decision with no events, or why not.</summary>
    public static Decision CanDeclare(AlertPage page) => page.Incident is { } incident
        ? Decision.Reject($"{IncidentKey.Format(incident)} was already declared from {page.Key} by {page.DeclaredBy}; work there.")
        : Decision.Accept($"Declaring an incident from {page.Key}.", []);

    /// <summary>An incident was declared from the page and carries the alert now: paging here stops.</summary>
    public static Decision Declared(AlertPage page, int incident, UserRef actor) =>
        Decision.Accept(
            $"Declared {IncidentKey.Format(incident)} from {page.Key}; the alert is in the incident now.",
            [new AlertPageIncidentDeclared(incident)],
            [.. CardSyncs(page), .. Holders(page).Where(p => !p.Equals(actor)).Select(p => new NotifyUser(p, $"{actor} declared {IncidentKey.Format(incident)} from {page.Key}: {page.Title}. Nothing to acknowledge any more."))]);

    /// <summary>A timer of the page: a page's deadline (expire and escalate) or the end of a silence.</summary>
    public static Decision OnTimer(AlertPage page, string timerKey, DateTimeOffset now)
    {
        if (SilenceEnd(timerKey) is { } end)
        {
            return page.SilencedUntil == end
                ? Decision.Accept($"The silence of {page.Key} ended.", [new AlertPageSilenceEnded()], CardSyncs(page))
                : Decision.Accept("Nothing to do.", []);
        }

        if (!TimerKeys.TryParsePage(timerKey, out var pageId) || page.FindPage(pageId) is not { Status: PageStatus.Paged } open)
        {
            return Decision.Accept("Nothing to do.", []);
        }

        var events = new List<EventData> { new PageExpired(open.Id) };
        var effects = new List<Effect> { new SyncPageCard(open.Id) };
        var next = Escalate(page, open, "expired unanswered", now, events, effects);
        return Decision.Accept(next is null ? $"The page to {open.To} expired." : $"The page to {open.To} expired; {next} is paged next.", events, effects);
    }

    /// <summary>The timer key that ends a silence set to end at <paramref name="until"/>: a later silence has its own key, so an earlier one's timer ends nothing.</summary>
    public static string SilenceTimer(DateTimeOffset until) => SilencePrefix + until.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);

    private const string SilencePrefix = "silence:";

    private static DateTimeOffset? SilenceEnd(string key) =>
        key.StartsWith(SilencePrefix, StringComparison.Ordinal) && long.TryParse(key.AsSpan(SilencePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    private static Decision Acknowledge(AlertPage page, UserRef actor)
    {
        if (Closed(page) is { } closed)
        {
            return closed;
        }

        if (page.OpenPageFor(actor) is not { } open)
        {
            return NoOpenPage(page, actor, "acknowledge");
        }

        return Decision.Accept(
            $"Acknowledged {page.Key}: {page.Title}. When it is bigger than a page, declare an incident from it with `/incident declare {page.Key}`.",
            [new PageAcknowledged(open.Id)],
            [new SyncPageCard(open.Id)]);
    }

    private static Decision Decline(AlertPage page, UserRef actor, DateTimeOffset now)
    {
        if (Closed(page) is { } closed)
        {
            return closed;
        }

        if (page.OpenPageFor(actor) is not { } open)
        {
            return NoOpenPage(page, actor, "decline");
        }

        var events = new List<EventData> { new PageDeclined(open.Id) };
        var effects = new List<Effect> { new SyncPageCard(open.Id) };
        var next = Escalate(page, open, "was declined", now, events, effects);
        return Decision.Accept(next is null ? $"Declined the page of {page.Key}." : $"Declined the page of {page.Key}; {next} is paged instead.", events, effects);
    }

    private static Decision Silence(AlertPage page, TimeSpan span, DateTimeOffset now)
    {
        if (page.Incident is { } incident)
        {
            return Decision.Reject($"{page.Key} became {IncidentKey.Format(incident)}: the alert is the incident's now.");
        }

        var until = now + span;
        return Decision.Accept(
            $"Silenced {page.Key} until {IncidentDecider.Clock(until)}: when {page.Title} fires it is counted and nobody is paged. `/incident unsilence {page.Key}` lifts it.",
            [new AlertPageSilenced(until)],
            [.. CardSyncs(page), new ScheduleTimer(SilenceTimer(until), until)]);
    }

    private static Decision Unsilence(AlertPage page, DateTimeOffset now) =>
        page.IsSilenced(now)
            ? Decision.Accept($"Lifted the silence of {page.Key}: the alert pages again when it next fires.", [new AlertPageUnsilenced()], CardSyncs(page))
            : Decision.Reject($"{page.Key} is not silenced. Silence it with `/incident silence {page.Key} 1h`.");

    /// <summary>After an expired or declined page: the next person down the list, again from the top, or nobody after the last round. Returns who is paged.</summary>
    private static UserRef? Escalate(AlertPage page, Page answered, string what, DateTimeOffset now, List<EventData> events, List<Effect> effects)
    {
        var step = Escalation.After(page.OnCall, page.PageRounds, answered);
        if (step is null || step.GaveUp)
        {
            effects.Add(new Announce(
                $"Nobody on the {page.Role} on-call list acknowledged {page.Key} ({page.Title}) after {page.PageRounds.ToString(CultureInfo.InvariantCulture)} round(s); paging has stopped. " +
                $"Answer it with `/incident declare {page.Key}` or silence it with `/incident silence {page.Key} 1h`."));
            return null;
        }

        SendPage(PageId(page.Pages.Count + 1), step.Next!, page.Role, page.Title, step.Round, page.PageTimeout, now, events, effects);
        return step.Next;
    }

    private static DateTimeOffset SendPage(string id, UserRef to, string role, string message, int round, TimeSpan timeout, DateTimeOffset now, List<EventData> events, List<Effect> effects)
    {
        var deadline = now + timeout;
        events.Add(new PageSent(id, to, role, message, deadline, round));
        effects.Add(new SendPage(id, to, role, message, deadline));
        effects.Add(new ScheduleTimer(TimerKeys.Page(id), deadline));
        return deadline;
    }

    private static Decision? Closed(AlertPage page) => page.State switch
    {
        AlertPageState.Declared => Decision.Reject($"{page.Key} became {IncidentKey.Format(page.Incident!.Value)}; answer there."),
        AlertPageState.Resolved => Decision.Reject($"{page.Key} has resolved: nothing to answer."),
        _ => null,
    };

    private static Decision NoOpenPage(AlertPage page, UserRef actor, string verb)
    {
        var open = page.OpenPages;
        var who = open.Count == 0 ? "nobody is being paged for it now" : "it is paging " + string.Join(", ", open.Select(p => p.To.ToString()));
        var acked = page.AcknowledgedBy is { } by ? $"; {by} acknowledged it" : "";
        return Decision.Reject($"You ({actor}) have no open page to {verb} on {page.Key} ({who}{acked}).");
    }

    /// <summary>The people who have the alert now: who acknowledged it, and whoever is paged for it.</summary>
    private static IEnumerable<UserRef> Holders(AlertPage page) =>
        new[] { page.AcknowledgedBy }.OfType<UserRef>().Concat(page.OpenPages.Select(p => p.To)).Distinct();

    /// <summary>Every page card sent redraws (the buttons follow the state).</summary>
    private static Effect[] CardSyncs(AlertPage page) => [.. page.Pages.Select(p => (Effect)new SyncPageCard(p.Id))];

    private static string PageId(int n) => "p" + n.ToString(CultureInfo.InvariantCulture);
}
