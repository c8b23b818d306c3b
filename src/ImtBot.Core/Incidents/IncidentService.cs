using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Paging;
using ImtBot.Core.Ports;

namespace ImtBot.Core.Incidents;

/// <summary>
/// The command pipeline every adapter calls: parse → dedupe → find the incident → replay → decide → chain → commit
/// (inbox, events, snapshot, outbox) → reply. A version conflict decides again on fresh state (at most
/// <see cref="MaxAttempts"/> times: each conflict means another command landed, so that many commands racing on one incident
/// all land). A rejection commits only its inbox key (incident 0, no events, no steps) with the reply and that it was
/// rejected, so a redelivery gets the same answer — still a rejection — and can never take effect later; a parse failure
/// and the read-only commands (help, list, oncall show, status, timeline, review) commit nothing.
/// Outbox steps are keyed <c>{incident}:{kind}:{sequence}.{i}</c> (the first new event's sequence, the effect's index),
/// routed to the incident's home platform, and due now — or at <c>ScheduleTimer.DueAt</c> / <c>ArchiveChannel.At</c>.
/// </summary>
/// <remarks>While the incident's platform is not answering (<see cref="IPlatformHealth"/>), a reply says its effects are queued, never done.</remarks>
/// <param name="plans">The response plans, read only by a declaration or a type change; optional (none: no tasks).</param>
/// <param name="directory">The known people, for naming the closest ones when a command names someone unknown; optional.</param>
/// <param name="compliance">The regulatory regimes; the shipped ones when not given.</param>
/// <param name="drills">The drill scenarios loaded at start; none when null.</param>
/// <param name="audit">The admin audit stream, where on-call list changes are recorded; optional (none: not recorded).</param>
public sealed partial class IncidentService(
    ICommandStore store, TimeProvider time, IncidentOptions options, IPlatformHealth? health = null, IUserDirectory? directory = null, IPlanSource? plans = null,
    Compliance.ComplianceOptions? compliance = null, Drills.DrillCatalog? drills = null, IAdminAuditLog? audit = null)
    : ICommandHandler, IIncidentReader
{
    public const int MaxAttempts = 25;

    /// <summary>The drill scenarios this service starts drills from.</summary>
    public Drills.DrillCatalog Drills { get; } = drills ?? ImtBot.Core.Drills.DrillCatalog.Empty;

    private readonly IncidentNumbers _numbers = new(store);

    public Task<CommandReply> HandleAsync(ChatCommand command, CancellationToken cancellationToken = default)
    {
        var parsed = CommandParser.Parse(command.Text);
        return parsed.Command is { } c
            ? HandleParsedAsync(c, command, parsed.BareNumber, cancellationToken)
            : Task.FromResult(new CommandReply(false, parsed.Usage ?? CommandHelp.Text()));
    }

    public Task<CommandReply> HandleParsedAsync(Command command, ChatCommand origin, CancellationToken cancellationToken = default) =>
        HandleParsedAsync(command, origin, bareNumber: false, cancellationToken);

    private async Task<CommandReply> HandleParsedAsync(Command command, ChatCommand origin, bool bareNumber, CancellationToken cancellationToken)
    {
        if (InboxKey(origin) is { } key && store.FindInboxReply(key) is { } first)
        {
            return new CommandReply(first.Accepted, first.Text, command.Incident, Redelivered: true);
        }

        (command, origin) = (WithoutInvisible(command), WithoutInvisible(origin));
        if (UnknownPerson(command, origin.Actor.Platform) is { } unknown)
        {
            return await RecordAsync(origin, false, unknown, command.Incident, cancellationToken);
        }

        if (command is AckCommand or DeclineCommand && command.Incident is null && store.FindIncidentByChannel(origin.Channel) is null)
        {
            // Typed where the page arrived (a direct message): the one open page of this person, wherever it is.
            var (number, answer) = OpenPageOf(origin.Actor, command is AckCommand ? "ack" : "decline");
            if (number is null)
            {
                return await RecordAsync(origin, false, answer!, null, cancellationToken);
            }

            command = command with { Incident = number };
        }

        if (bareNumber && store.FindIncidentByChannel(origin.Channel) is { } here)
        {
            // In an incident's channel "update 3 regions down" may be text about this incident: ask instead of guessing.
            return await RecordAsync(origin, false, BareNumberElsewhere(origin, command.Incident!.Value, here), null, cancellationToken);
        }

        switch (command)
        {
            case HelpCommand help:
                return new CommandReply(true, CommandHelp.Text(help.Topic));
            case ListCommand:
                return new CommandReply(true, ListOpen(origin.Actor));
            case ActionsCommand actions:
                return new CommandReply(true, ListActions(actions, origin.Actor));
            case OnCallCommand oncall:
                return await OnCallAsync(oncall, origin, cancellationToken);
            case TrainingCommand training:
                return new CommandReply(true, TrainingReply(training, origin));
            case DrillCommand { Scenario: "" }:
                return new CommandReply(true, ImtBot.Core.Drills.DrillText.List(Drills));
        }

        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            if (await TryOnceAsync(command, origin, cancellationToken) is { } reply)
            {
                return reply;
            }
        }

        return new CommandReply(false, "Too many changes to this incident at once; nothing was done. Try again.", command.Incident);
    }

    /// <summary>The incident, folded (cached per version); streams below zero hold alert pages, not incidents.</summary>
    public Incident? Get(int number) => number > 0 && store.FindIncident(number) is { } snapshot ? Get(snapshot) : null;

    /// <summary>One attempt; null on a version conflict (decide again).</summary>
    private async Task<CommandReply?> TryOnceAsync(Command command, ChatCommand origin, CancellationToken cancellationToken)
    {
        IReadOnlyList<IncidentEvent> history = [];
        Incident? state = null;
        if (command is not (DeclareCommand or DrillCommand or AlertCommand { Declare: not null, Incident: null }))
        {
            var number = command.Incident ?? store.FindIncidentByChannel(origin.Channel);
            if (number is not { } n)
            {
                return IsCapture(command) ? NotCaptured() : await RecordAsync(origin, false, NoIncidentHere(origin, command), null, cancellationToken);
            }

            // The cached fold, caught up with what was written since: not the whole log read and replayed per command.
            state = store.FindIncident(n) is { } snapshot ? Get(snapshot) : Replay(store.GetEvents(n));
            if (state is null)
            {
                return await RecordAsync(origin, false, $"{IncidentKey.Format(n)} does not exist; `/incident list` shows the open incidents.", null, cancellationToken);
            }

            history = state.Replayed;
            if (command is StatusCommand or TimelineCommand or ReviewCommand or PlanCommand && IncidentDecider.IsOutsider(state, origin.Actor, options))
            {
                return new CommandReply(false, IncidentDecider.OutsiderRefusal(state), n);
            }

            if ((ReadOnlyReply(command, state) ?? PlanReply(command, state)) is { } answer)
            {
                return new CommandReply(true, answer, n, Card: ReplyCardFor(command));
            }
        }

        var now = time.GetUtcNow();
        var platform = state?.Origin.Platform ?? (origin.Actor.Platform == Platforms.PlatformNames.System ? origin.Channel.Platform : origin.Actor.Platform);
        var reserved = state is null ? _numbers.Reserve() : 0;
        var onCall = NeedsOnCall(command) ? OnCallLists.Current(options, store, platform) : NoLists;
        var context = new CommandContext(origin.Actor, origin.Channel, now, options, reserved, onCall) { Plans = PlansFor(command, plans), Drills = Drills };
        context = compliance is null ? context : context with { Compliance = compliance };
        var decision = IncidentDecider.Decide(state, command, context);
        if (!decision.Accepted || decision.Events.Count == 0)
        {
            _numbers.Release(reserved);
            return decision.Accepted && IsCapture(command)
                ? new CommandReply(true, decision.Reply, state?.Number)
                : await RecordAsync(origin, decision.Accepted, decision.Reply, state?.Number, cancellationToken);
        }

        var incident = state?.Number ?? context.NewNumber;
        var chained = Chain(state, incident, now, origin, decision.Events);
        var after = Incident.Replay(history.Concat(chained));
        decision = IncidentDecider.WithReminderTimer(ReminderSchedule.Earliest(state, options.MaxReminders), after, decision, options);
        var steps = Steps(incident, after.Origin.Platform, chained[0].Sequence, now, decision.Effects);
        var request = new CommitRequest(InboxKey(origin), incident, state?.Version ?? 0, chained, IncidentSnapshot.Of(after), steps, decision.Reply);
        var result = await store.CommitAsync(request, cancellationToken);
        if (result.Status != CommitStatus.Committed)
        {
            _numbers.Release(reserved);
            if (result.Status == CommitStatus.Conflict && reserved != 0)
            {
                _numbers.Resync();
            }
        }

        if (result.Status == CommitStatus.Conflict && state is not null && LogBroken(state.Number))
        {
            // Deciding again cannot help: every attempt would conflict, and "too many changes, try again" would be untrue.
            return new CommandReply(false, $"{IncidentKey.Format(state.Number)}: the event log does not match its head; run verify.", state.Number);
        }

        if (result.Status == CommitStatus.Committed)
        {
            // What was just written, already folded: the next command or read on this incident starts from it.
            Remember(after);
        }

        return result.Status switch
        {
            CommitStatus.Committed => new CommandReply(true, QueuedIfFailing(decision.Reply, after.Origin.Platform, steps), incident),
            CommitStatus.Duplicate => new CommandReply(result.Accepted, result.Reply ?? decision.Reply, incident, Redelivered: true),
            _ => null,
        };
    }

    /// <summary>
    /// Whether the incident's stored events end short of (or elsewhere than) its snapshot — an event deleted or altered
    /// under the store, which <c>imtbot verify</c> reports. The snapshot is read first: a commit writes events and
    /// snapshot together, so a healthy log read after it holds at least the snapshot's version of events.
    /// </summary>
    private bool LogBroken(int number)
    {
        if (store.FindIncident(number) is not { } snapshot)
        {
            return false;
        }

        var events = store.GetEvents(number);
        return events.Count < snapshot.Version || (events.Count == snapshot.Version && events.Count > 0 && events[^1].Hash != snapshot.Head);
    }

    /// <summary>The reply, reworded when the platform that must carry out its effects is failing right now.</summary>
    private string QueuedIfFailing(string reply, string platform, NewStep[] steps) =>
        health?.FailingSince(platform) is not null && steps.Any(s => s.Kind != "timer") ? DeliveryNotices.Queued(reply, platform) : reply;

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<Platforms.UserRef>> NoLists = new Dictionary<string, IReadOnlyList<Platforms.UserRef>>();

    /// <summary>Only these decisions read the org-wide on-call lists (one setting read per role), so only they load them.</summary>
    private static bool NeedsOnCall(Command command) =>
        command is PageCommand or RoleCommand or DeclareCommand or DrillCommand or AlertCommand
        || (command is TimerCommand timer && Paging.TimerKeys.TryParsePlanStep(timer.TimerKey, out _));

    /// <summary>The dedupe key, or null (no dedupe) when the adapter gave none.</summary>
    private static string? InboxKey(ChatCommand origin) => string.IsNullOrEmpty(origin.DedupeKey) ? null : origin.DedupeKey;

    private static List<IncidentEvent> Chain(Incident? state, int incident, DateTimeOffset now, ChatCommand origin, IReadOnlyList<EventData> data)
    {
        var previous = state?.Head ?? EventChain.GenesisHash;
        var sequence = state?.Version ?? 0;
        var chained = new List<IncidentEvent>(data.Count);
        foreach (var d in data)
        {
            var e = EventChain.Append(previous, incident, ++sequence, now, origin.Actor, d);
            chained.Add(e);
            previous = e.Hash;
        }

        return chained;
    }

    private static NewStep[] Steps(int incident, string platform, long sequence, DateTimeOffset now, IReadOnlyList<Effect> effects) =>
        effects.Select((effect, i) => new NewStep(
            $"{incident}:{effect.Kind}:{sequence}.{i}",
            incident,
            platform,
            effect.Kind,
            EffectKinds.Serialize(effect),
            effect switch
            {
                ScheduleTimer t => t.DueAt,
                ArchiveChannel a => a.At,
                _ => now,
            })).ToArray();

    /// <summary>Commits only the inbox key with the reply and whether it accepted (no incident, no events, no steps).</summary>
    private async Task<CommandReply> RecordAsync(ChatCommand origin, bool accepted, string reply, int? incident, CancellationToken cancellationToken)
    {
        var result = await store.CommitAsync(new CommitRequest(InboxKey(origin), 0, 0, [], null, [], reply, accepted), cancellationToken);
        return result.Status == CommitStatus.Duplicate && result.Reply is { } first
            ? new CommandReply(result.Accepted, first, incident, Redelivered: true)
            : new CommandReply(accepted, reply, incident);
    }
}
