using System.Collections.Concurrent;
using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Paging;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;

namespace ImtBot.Core.Alerts.Pages;

/// <summary>
/// The pipeline of alert pages, as <see cref="IncidentService"/> is the incidents': dedupe by inbox key → replay the
/// page's stream → decide (<see cref="AlertPageDecider"/>) → chain → commit (inbox, events, snapshot, pages and timers
/// in one transaction) → reply. It also keeps which alert page each fingerprint last opened, so the intake finds a
/// page without replaying any. Declaring an incident from a page goes through <see cref="IncidentService"/> with the
/// page's alert, then records the incident on the page.
/// </summary>
public sealed class AlertPageService(ICommandStore store, TimeProvider time, IncidentOptions incidentOptions, AlertOptions alertOptions, IncidentService incidents)
    : IAlertPageReader
{
    private const int MaxAttempts = 25;

    private readonly ConcurrentDictionary<string, int> _latest = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _last = -1;

    /// <summary>The alert page as folded from its stream, or null when there is none.</summary>
    public AlertPage? Get(int number)
    {
        if (number <= 0)
        {
            return null;
        }

        var events = store.GetEvents(AlertPageKey.Stream(number));
        return events.Count == 0 ? null : AlertPage.Replay(events);
    }

    /// <summary>Every alert page, newest first (for the API).</summary>
    public IReadOnlyList<AlertPage> List() => [.. store.ListAlertPages().OrderDescending().Select(Get).OfType<AlertPage>()];

    /// <summary>The alert page the fingerprint last opened, if any.</summary>
    public AlertPage? Latest(string fingerprint)
    {
        EnsureLoaded();
        return _latest.TryGetValue(fingerprint, out var number) ? Get(number) : null;
    }

    /// <summary>The one alert page on which <paramref name="actor"/> has a page open, or null (none, or several).</summary>
    public IReadOnlyList<AlertPage> OpenPagesOf(UserRef actor)
    {
        EnsureLoaded();
        return [.. _latest.Values.Distinct().Select(Get).OfType<AlertPage>().Where(p => p.IsOpen && p.OpenPageFor(actor) is not null)];
    }

    /// <summary>A <c>page &lt;role&gt;</c> route: opens a new alert page for the alert and pages the role's first on call.</summary>
    public async Task<CommandReply> OpenAsync(Alert alert, string role, ChatCommand origin, CancellationToken cancellationToken = default)
    {
        EnsureLoaded();
        var lists = OnCallLists.Current(incidentOptions, store, alertOptions.Platform);
        var onCall = lists.TryGetValue(role, out var list) ? list : [];
        var lowest = IncidentDecider.KnownSeverities(incidentOptions)[^1];
        var timeout = incidentOptions.PolicyFor(lowest).PageTimeout;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var number = Reserve();
            var reply = await CommitAsync(number, page => page is null
                ? AlertPageDecider.Open(alert, role, onCall, timeout, incidentOptions.PageRounds, alertOptions.Platform, number, time.GetUtcNow())
                : null, origin, cancellationToken);
            if (reply is not null)
            {
                _latest[alert.Fingerprint] = number;
                return reply;
            }
        }

        return new CommandReply(false, "Too many alert pages opened at once; nothing was done. Try again.");
    }

    /// <summary>The alert fired again or resolved on its alert page.</summary>
    public Task<CommandReply> ReceiveAsync(int number, Alert alert, ChatCommand origin, CancellationToken cancellationToken = default) =>
        DecideAsync(number, page => alert.Status == AlertState.Resolved ? AlertPageDecider.Resolve(page, alert) : AlertPageDecider.Repeat(page, time.GetUtcNow()), origin, cancellationToken);

    /// <summary>A timer of an alert page fired (a page's deadline, a silence's end).</summary>
    public Task<CommandReply> OnTimerAsync(int number, string timerKey, ChatCommand origin, CancellationToken cancellationToken = default) =>
        DecideAsync(number, page => AlertPageDecider.OnTimer(page, timerKey, time.GetUtcNow()), origin, cancellationToken);

    /// <summary>A person's command: ack, decline, silence, unsilence, or declare an incident from the page.</summary>
    public async Task<CommandReply> HandleAsync(AlertPageCommand command, ChatCommand origin, CancellationToken cancellationToken = default)
    {
        if (InboxKey(origin) is { } key && store.FindInboxReply(key) is { } first)
        {
            return new CommandReply(first.Accepted, first.Text, Redelivered: true, AlertPage: command.Page);
        }

        if (command.Verb != AlertPageVerb.Declare)
        {
            return await DecideAsync(command.Page, page => AlertPageDecider.Decide(page, command, origin.Actor, time.GetUtcNow()), origin, cancellationToken);
        }

        if (Get(command.Page) is not { } page)
        {
            return await RecordAsync(origin, false, Missing(command.Page), cancellationToken);
        }

        var check = AlertPageDecider.CanDeclare(page);
        if (!check.Accepted)
        {
            return await RecordAsync(origin, false, check.Reply, cancellationToken);
        }

        // The incident's own inbox key is derived from the click's, so a redelivered click never declares twice.
        var severity = command.Severity ?? incidentOptions.DefaultSeverity;
        var declaring = origin with { DedupeKey = InboxKey(origin) is { } k ? k + ":incident" : "" };
        var declared = await incidents.HandleParsedAsync(new AlertCommand(Alert(page), new DeclareAction(severity, null)), declaring, cancellationToken);
        if (!declared.Accepted || declared.Incident is not { } incident)
        {
            return await RecordAsync(origin, false, declared.Text, cancellationToken);
        }

        // The reply names the incident in its text only: a card clicked on stays the alert page's card (its sync redraws it).
        var recorded = await DecideAsync(command.Page, p => AlertPageDecider.Declared(p, incident, origin.Actor), origin, cancellationToken);
        return recorded with { Text = declared.Text + " " + recorded.Text };
    }

    /// <summary>The page's alert as monitoring sent it, for the incident declared from it.</summary>
    public static Alert Alert(AlertPage page) =>
        new(page.Integration, page.Fingerprint, AlertState.Firing, page.Title, null, page.Labels, page.Links, page.StartsAt, page.GroupKey);

    private async Task<CommandReply> DecideAsync(int number, Func<AlertPage, Decision> decide, ChatCommand origin, CancellationToken cancellationToken)
    {
        if (InboxKey(origin) is { } key && store.FindInboxReply(key) is { } first)
        {
            return new CommandReply(first.Accepted, first.Text, Redelivered: true, AlertPage: number);
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var exists = true;
            var reply = await CommitAsync(number, page =>
            {
                exists = page is not null;
                return page is null ? Decision.Reject(Missing(number)) : decide(page);
            }, origin, cancellationToken);
            if (reply is not null)
            {
                return reply;
            }

            if (!exists)
            {
                break;
            }
        }

        return new CommandReply(false, $"Too many changes to {AlertPageKey.Format(number)} at once; nothing was done. Try again.");
    }

    /// <summary>One attempt; null on a version conflict (or, for a new page, when the number was taken: decide again).</summary>
    private async Task<CommandReply?> CommitAsync(int number, Func<AlertPage?, Decision?> decide, ChatCommand origin, CancellationToken cancellationToken)
    {
        var stream = AlertPageKey.Stream(number);
        var history = store.GetEvents(stream);
        var state = history.Count == 0 ? null : AlertPage.Replay(history);
        if (decide(state) is not { } decision)
        {
            Resync();
            return null;
        }

        if (!decision.Accepted || decision.Events.Count == 0)
        {
            return await RecordAsync(origin, decision.Accepted, decision.Reply, cancellationToken);
        }

        var now = time.GetUtcNow();
        var previous = state?.Head ?? EventChain.GenesisHash;
        var sequence = state?.Version ?? 0;
        var chained = new List<IncidentEvent>(decision.Events.Count);
        foreach (var data in decision.Events)
        {
            var e = EventChain.Append(previous, stream, ++sequence, now, origin.Actor, data);
            chained.Add(e);
            previous = e.Hash;
        }

        var after = AlertPage.Replay(history.Concat(chained));
        var first = chained[0].Sequence;
        var steps = decision.Effects.Select((effect, i) => new NewStep(
            $"{stream}:{effect.Kind}:{first}.{i}", stream, after.Platform, effect.Kind, EffectKinds.Serialize(effect), effect is ScheduleTimer t ? t.DueAt : now)).ToArray();
        var request = new CommitRequest(InboxKey(origin), stream, state?.Version ?? 0, chained, Snapshot(after), steps, decision.Reply);
        var result = await store.CommitAsync(request, cancellationToken);
        return result.Status switch
        {
            CommitStatus.Committed => new CommandReply(true, decision.Reply, AlertPage: number),
            CommitStatus.Duplicate => new CommandReply(result.Accepted, result.Reply ?? decision.Reply, Redelivered: true, AlertPage: number),
            _ => null,
        };
    }

    /// <summary>The summary stored beside the stream (its version and head guard the next commit); open while people may still answer it.</summary>
    private static IncidentSnapshot Snapshot(AlertPage page) => new(
        AlertPageKey.Stream(page.Number), page.Version, page.Title, 0, IncidentKind.Normal,
        page.IsOpen ? IncidentStatus.Declared : IncidentStatus.Closed, page.Platform, page.OpenedAt, page.ResolvedAt, page.IsOpen ? null : page.LastAt, page.Head);

    private async Task<CommandReply> RecordAsync(ChatCommand origin, bool accepted, string reply, CancellationToken cancellationToken)
    {
        var result = await store.CommitAsync(new CommitRequest(InboxKey(origin), 0, 0, [], null, [], reply, accepted), cancellationToken);
        return result.Status == CommitStatus.Duplicate && result.Reply is { } first
            ? new CommandReply(result.Accepted, first, Redelivered: true)
            : new CommandReply(accepted, reply);
    }

    private static string Missing(int number) => $"There is no alert page {AlertPageKey.Format(number)}.";

    private static string? InboxKey(ChatCommand origin) => string.IsNullOrEmpty(origin.DedupeKey) ? null : origin.DedupeKey;

    private int Reserve()
    {
        EnsureLoaded();
        lock (_gate)
        {
            return ++_last;
        }
    }

    private void Resync()
    {
        lock (_gate)
        {
            _last = Math.Max(_last, store.ListAlertPages().DefaultIfEmpty(0).Max());
        }
    }

    /// <summary>Once per process: the highest page number and each fingerprint's latest page, from the stored pages.</summary>
    private void EnsureLoaded()
    {
        lock (_gate)
        {
            if (_last >= 0)
            {
                return;
            }

            var numbers = store.ListAlertPages();
            foreach (var number in numbers)
            {
                if (Get(number) is { } page)
                {
                    _latest[page.Fingerprint] = number;
                }
            }

            _last = numbers.DefaultIfEmpty(0).Max();
        }
    }
}
