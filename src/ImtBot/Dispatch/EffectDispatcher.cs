using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using Microsoft.Extensions.Options;

namespace ImtBot.Dispatch;

/// <summary>
/// Runs due outbox steps: a timer fires its command through the pipeline; any other effect goes to the platform the
/// incident lives on. Steps of one incident run in order — a step that fails holds the incident's later steps back
/// until it succeeds or is dead-lettered — and incidents run side by side. Transient faults are retried on the one
/// <see cref="RetrySchedule"/> for <see cref="DispatcherOptions.GiveUpAfter"/> (the platform reconciles before
/// re-creating anything, since <see cref="EffectContext.Attempt"/> says an earlier attempt may have landed), then
/// dead-lettered and told to the incident channel; permanent faults are dead-lettered at once. Platform outages are
/// tracked in <see cref="PlatformHealth"/> and told to the commanders (docs/reliability.md §Outbox, §Retries, §Outages).
/// </summary>
internal sealed partial class EffectDispatcher(
    IOutbox store,
    IIncidentReader incidents,
    ICommandHandler commands,
    IEnumerable<IChatPlatform> platforms,
    OutboxSignal signal,
    PlatformHealth health,
    TimeProvider time,
    IOptions<DispatcherOptions> options,
    ILogger<EffectDispatcher> log,
    Compliance.AnchorLog? anchors = null,
    Core.Alerts.Pages.AlertPageService? alertPages = null,
    ISettingsStore? settings = null) : BackgroundService
{
    /// <summary>The setting that holds since when this database's steps note what they are about to do (see <see cref="NoteFor"/>).</summary>
    internal const string NotesSinceSetting = "outbox:notesSince";

    private const int AtCapacity = -1;
    private const string SyncCardKind = "sync_card";
    private const string TimerKind = "timer";

    private static readonly IReadOnlyDictionary<string, string> NoLinks = new Dictionary<string, string>();

    /// <summary>What a host-level step (incident 0) is run with: an empty incident, since its effect names no incident.</summary>
    private static readonly Core.Incidents.Incident HostLevel = new();

    private DateTimeOffset? _notesSince;

    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly Dictionary<string, IChatPlatform> _platforms = platforms.ToDictionary(p => p.Name, StringComparer.Ordinal);
    private readonly DispatcherOptions _options = options.Value;
    private readonly RetrySchedule _retries = new(options.Value);
    private readonly Lock _gate = new();
    private readonly Dictionary<int, Task> _chains = [];
    private readonly HashSet<string> _running = new(StringComparer.Ordinal);

    // Incidents whose step failed in a chain still queued here: their later leased steps are handed back, not run.
    // With the chains queued per incident; an incident's entry goes when its last queued chain ends. Guarded by _gate.
    private readonly HashSet<int> _halted = [];
    private readonly Dictionary<int, int> _queued = [];

    // When the last lease looked at what was due. A step due by then that it did not take is held behind an earlier
    // step of its incident (one running here, waiting for its retry or its turn, or in flight elsewhere): asking again
    // before something changes would find the same and spin. A chain ending here signals; a held step's own time is a
    // later wake; another instance's settle is seen at the next poll. None after a failed round: look again soon.
    // Kept as UTC ticks (0 = none) so the loop and a test's drain can read and write it without tearing.
    private long _lookedAt;

    // Completed (and replaced) whenever a chain ends and frees capacity; guarded by _gate.
    private TaskCompletionSource _freed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Records since when steps note what they are about to do, before any step of this start is leased.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await NotesSinceAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRoundFailed(e); // the store is not writable now: the first step asks again
        }

        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var wake = signal.NextAsync(stoppingToken);
            int started;
            try
            {
                started = await StartDueStepsAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The store itself failed (disk full, engine closed): wait for the next signal or a short pause.
                LogRoundFailed(e);
                started = 0;
                Interlocked.Exchange(ref _lookedAt, 0);
            }

            if (started > 0)
            {
                continue;
            }

            if (started == AtCapacity)
            {
                // Every slot is taken: nothing can be leased until a chain ends, whatever is due. Asking the store
                // again now would only spin (and contend with the writer) while the slots stay full.
                await WaitForCapacityAsync(stoppingToken);
                continue;
            }

            await WaitForWorkAsync(wake, stoppingToken);
        }

        await WhenIdleAsync();
    }

    /// <summary>Leases what is due, runs it and waits until it has all run (tests drive the outbox with this). Returns how many steps ran.</summary>
    internal async Task<int> RunDueStepsAsync(CancellationToken cancellationToken)
    {
        var started = await StartDueStepsAsync(cancellationToken);
        if (started == AtCapacity)
        {
            await WhenIdleAsync();
            started = await StartDueStepsAsync(cancellationToken);
        }

        await WhenIdleAsync();
        return Math.Max(started, 0);
    }

    /// <summary>
    /// Leases due steps up to the free capacity and starts them without waiting: each incident's steps run one after
    /// another, behind any of its steps still running, while other incidents go on — so a page for one incident never
    /// waits for another incident's post that a rate limit holds back. Returns how many steps were started, or
    /// <see cref="AtCapacity"/> when every slot is taken (nothing was asked of the store).
    /// </summary>
    private async Task<int> StartDueStepsAsync(CancellationToken cancellationToken)
    {
        int capacity;
        lock (_gate)
        {
            capacity = _options.BatchSize - _running.Count;
        }

        if (capacity <= 0)
        {
            return AtCapacity;
        }

        var now = time.GetUtcNow();
        var steps = await store.LeaseDueAsync(_owner, now, _options.Lease, capacity, cancellationToken);
        Interlocked.Exchange(ref _lookedAt, now.UtcTicks);
        var started = 0;
        lock (_gate)
        {
            foreach (var chain in _chains.Where(c => c.Value.IsCompleted).Select(c => c.Key).ToList())
            {
                _chains.Remove(chain);
            }

            // A step whose lease ran out while it waited here behind its incident's earlier steps is leased again:
            // it is already queued, so it is not started twice.
            foreach (var group in steps.Where(s => _running.Add(s.Key)).GroupBy(s => s.Incident))
            {
                var before = _chains.GetValueOrDefault(group.Key, Task.CompletedTask);
                _queued[group.Key] = _queued.GetValueOrDefault(group.Key) + 1;
                OutboxStep[] chain = [.. group];
                _chains[group.Key] = RunAfterAsync(before, group.Key, chain, Superseded(chain), cancellationToken);
                started += group.Count();
            }
        }

        return started;
    }

    /// <summary>
    /// Card refreshes of one incident leased together that a later refresh of the same chain makes needless: the card
    /// shows the incident as it is when it is drawn, so only the latest refresh needs the platform, and the others are
    /// completed without a call, at once — a refresh left in flight while the later one runs would, after a crash, come
    /// back as tried before and post a card of its own beside the one the later refresh posted and had not recorded yet.
    /// The declaration's refresh, which posts the card, is not skipped when a step that can hold the chain back (a post
    /// waiting its turn) lies between it and the later refresh: the incident would have no card until that step went.
    /// A later refresh skipped so only leaves the card a moment behind. A refresh tried before (by a process that was
    /// killed) is not skipped either: it may have posted the card without recording it, and only it reconciles, so it
    /// runs first and the later refresh edits the card it found.
    /// </summary>
    private static HashSet<string> Superseded(IReadOnlyList<OutboxStep> steps)
    {
        var superseded = new HashSet<string>(StringComparer.Ordinal);
        var later = false; // a later refresh follows
        var drawnAfter = false; // … with nothing between that could halt the chain
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            var step = steps[i];
            if (step.Kind == SyncCardKind)
            {
                if (later && step.Attempts <= 1 && (drawnAfter || !PostsTheCard(step)))
                {
                    superseded.Add(step.Key);
                }

                later = drawnAfter = true;
            }
            else if (StepOrder.HoldsLater(step.Kind))
            {
                drawnAfter = false;
            }
        }

        return superseded;
    }

    /// <summary>The declaration's card refresh, the one that posts the card: step keys are <c>{incident}:{kind}:{sequence}.{n}</c>, and a declaration's commit starts at sequence 1.</summary>
    private static bool PostsTheCard(OutboxStep step) => step.Key.Split(':') is [_, _, var at] && at.StartsWith("1.", StringComparison.Ordinal);

    private async Task RunAfterAsync(Task before, int incident, OutboxStep[] steps, HashSet<string> superseded, CancellationToken cancellationToken)
    {
        await before.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            foreach (var step in steps)
            {
                bool halted;
                lock (_gate)
                {
                    halted = _halted.Contains(incident);
                }

                if (halted && StepOrder.WaitsForEarlier(step.Kind))
                {
                    // An earlier step of this incident failed (or went to another instance): this one runs after it.
                    await SettleAsync(step, store.ReleaseStepAsync(step.Key, cancellationToken));
                }
                else if (superseded.Contains(step.Key))
                {
                    LogSuperseded(step.Key);
                    await SettleAsync(step, store.CompleteStepAsync(step.Key, NoLinks, time.GetUtcNow(), cancellationToken));
                }
                else if (await RunStepAsync(step, cancellationToken) && StepOrder.HoldsLater(step.Kind))
                {
                    lock (_gate)
                    {
                        _halted.Add(incident);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the leases run out and the steps are taken up again after the restart.
        }
        catch (Exception e)
        {
            LogRoundFailed(e);
        }
        finally
        {
            lock (_gate)
            {
                foreach (var step in steps)
                {
                    _running.Remove(step.Key);
                }

                if (_queued[incident] == 1)
                {
                    _queued.Remove(incident);
                    _halted.Remove(incident);
                }
                else
                {
                    _queued[incident]--;
                }

                _freed.TrySetResult();
                _freed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            // Capacity is free again: let the loop lease more.
            signal.Notify();
        }
    }

    private Task WhenIdleAsync()
    {
        Task[] chains;
        lock (_gate)
        {
            chains = [.. _chains.Values];
        }

        return Task.WhenAll(chains);
    }

    /// <summary>
    /// Runs one step and settles it; returns true when its incident's later steps must not run here now: it failed and
    /// waits for a retry, or its lease ran out meanwhile and another instance holds the step (and runs it, so the later
    /// steps, leased with it, belong after it there).
    /// </summary>
    private async Task<bool> RunStepAsync(OutboxStep step, CancellationToken cancellationToken)
    {
        EffectOutcome outcome;
        try
        {
            outcome = await ExecuteAsync(step, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (LeaseLostException e)
        {
            // A note before acting was refused: another instance holds the step now and runs it; this one stops short.
            LogLeaseLost(step.Key, step.Attempts, e.CurrentFence);
            return true;
        }
        catch (Exception e)
        {
            // A platform that throws instead of answering: a transient fault. The step keeps a short reason; the log
            // gets the exception itself.
            LogStepThrew(e, step.Key, step.Attempts);
            outcome = EffectOutcome.Retry(e.GetType().Name + ": " + e.Message);
        }

        var now = time.GetUtcNow();
        await WatchHealthAsync(step, outcome, now, cancellationToken);
        switch (outcome.Kind)
        {
            case EffectOutcomeKind.Done:
                return !await SettleAsync(step, store.CompleteStepAsync(step.Key, outcome.Links, now, cancellationToken));
            case EffectOutcomeKind.Retry when outcome.Pacing != EffectPacing.None:
                // Its turn under the rate limit is later: the slot goes to other incidents' steps meanwhile, and this
                // incident's later steps wait behind it, as behind a retry, but nothing counts as a fault.
                var turn = now + (outcome.RetryAfter ?? TimeSpan.Zero);
                if (await SettleAsync(step, store.PaceStepAsync(step.Key, outcome.Error ?? "paced", turn, outcome.Pacing == EffectPacing.AfterSending, outcome.Links, cancellationToken)))
                {
                    LogPaced(step.Key, turn);
                }

                return true;
            case EffectOutcomeKind.Retry when outcome.Deferred:
                return !await SettleAsync(step, store.DeferStepAsync(step.Key, outcome.Error ?? "not due yet", now + (outcome.RetryAfter ?? _options.InitialBackoff), cancellationToken));
            case EffectOutcomeKind.Retry when !GivesUp(step, now):
                var next = _retries.Next(now, step.Attempts, outcome.RetryAfter);
                if (await SettleAsync(step, store.RetryStepAsync(step.Key, outcome.Error ?? "retry", next, cancellationToken)))
                {
                    LogRetry(step.Key, step.Attempts, next, outcome.Error);
                }

                return true;
            default:
                return !await SettleAsync(step, GiveUpAsync(step, outcome.Error ?? "failed", cancellationToken));
        }
    }

    /// <summary>
    /// Awaits a settle of <paramref name="step"/>; false when the store refused it because this instance's lease ran out
    /// and another instance leased the step again. That is no fault: the new holder runs the step and settles it, and
    /// this late outcome changed nothing — so it is neither retried nor logged as an error.
    /// </summary>
    private async Task<bool> SettleAsync(OutboxStep step, Task settling)
    {
        try
        {
            await settling;
            return true;
        }
        catch (LeaseLostException e)
        {
            LogLeaseLost(step.Key, step.Attempts, e.CurrentFence);
            return false;
        }
    }

    /// <summary>A transient fault ends the step only once it has failed for GiveUpAfter (or reached the optional attempt cap).</summary>
    private bool GivesUp(OutboxStep step, DateTimeOffset now) =>
        now - (step.FailingSince ?? now) >= _options.GiveUpAfter || step.Attempts >= _options.MaxAttempts;

    private async Task<EffectOutcome> ExecuteAsync(OutboxStep step, CancellationToken cancellationToken)
    {
        var effect = EffectKinds.Deserialize(step.Payload);
        if (effect is ScheduleTimer timer)
        {
            var origin = new ChatCommand("timer " + timer.TimerKey, UserRef.System, new ChannelRef(step.Platform, "timer"), "timer:" + step.Key);
            await commands.HandleParsedAsync(new TimerCommand(timer.TimerKey) { Incident = step.Incident }, origin, cancellationToken);
            return EffectOutcome.Done();
        }

        if (!_platforms.TryGetValue(step.Platform, out var platform))
        {
            return EffectOutcome.Failed($"the {step.Platform} platform is not configured on this host");
        }

        if (Core.Alerts.Pages.AlertPageKey.OfStream(step.Incident) is { } alertPage)
        {
            return await ExecuteAlertPageAsync(step, alertPage, effect, platform, cancellationToken);
        }

        // Incident 0: a host-level step (a scheduled digest or reminder) that belongs to no incident.
        var incident = step.Incident == 0 ? HostLevel : incidents.Get(step.Incident);
        if (incident is null)
        {
            return EffectOutcome.Failed($"incident {step.Incident} does not exist");
        }

        if (effect is AnchorHead)
        {
            effect = Anchor(incident);
        }

        var context = new EffectContext(step.Key, incident, effect, store.GetLinks(step.Incident), step.Attempts) { FirstTriedAt = step.FirstTriedAt ?? step.CreatedAt, Note = await NoteForAsync(step, cancellationToken) };
        return await platform.ExecuteAsync(context, cancellationToken);
    }

    /// <summary>A step of an alert page (its stream is below zero): the platform's alert page side runs it.</summary>
    private async Task<EffectOutcome> ExecuteAlertPageAsync(OutboxStep step, int number, Effect effect, IChatPlatform platform, CancellationToken cancellationToken)
    {
        if (alertPages?.Get(number) is not { } page)
        {
            return EffectOutcome.Failed($"alert page {Core.Alerts.Pages.AlertPageKey.Format(number)} does not exist");
        }

        if (platform is not IAlertPagePlatform pages)
        {
            return EffectOutcome.Failed($"the {step.Platform} platform does not carry alert pages");
        }

        var context = new AlertPageEffectContext(step.Key, page, effect, store.GetLinks(step.Incident), step.Attempts, time.GetUtcNow()) { Note = await NoteForAsync(step, cancellationToken) };
        return await pages.ExecuteAlertPageAsync(context, cancellationToken);
    }

    /// <summary>
    /// Lets the platform store links for <paramref name="step"/> before it acts (refused once the lease is lost). A step
    /// first tried before this database kept notes (under a version without them, and cut off by the upgrade) may have
    /// posted without one: it gets none, so the platform searches as it did then, from the step's first attempt.
    /// </summary>
    private async Task<StepNote?> NoteForAsync(OutboxStep step, CancellationToken cancellationToken) =>
        step.Attempts > 1 && (step.FirstTriedAt ?? step.CreatedAt) < await NotesSinceAsync(cancellationToken)
            ? null
            : (links, ct) => store.NoteStepAsync(step.Key, links, ct);

    /// <summary>Since when steps note what they are about to do: stored the first time a dispatcher runs on the database.</summary>
    private async Task<DateTimeOffset> NotesSinceAsync(CancellationToken cancellationToken)
    {
        if (_notesSince is { } known)
        {
            return known;
        }

        var stored = settings?.GetSetting(NotesSinceSetting);
        var since = DateTimeOffset.TryParse(stored, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var parsed)
            ? parsed
            : time.GetUtcNow();
        if (settings is not null && stored is null)
        {
            await settings.SetSettingAsync(NotesSinceSetting, since.ToString("O", System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        }

        _notesSince = since;
        return since;
    }

    private async Task GiveUpAsync(OutboxStep step, string error, CancellationToken cancellationToken)
    {
        // Settled first: a refused dead letter (the lease went to another instance) is not this instance's to report.
        await store.DeadLetterStepAsync(step.Key, error, time.GetUtcNow(), cancellationToken);
        LogDeadLetter(step.Key, step.Attempts, error);

        // Tell the incident channel, best effort: the step is listed as dead either way.
        var incident = step.Incident > 0 ? incidents.Get(step.Incident) : null;
        if (incident is not null && _platforms.TryGetValue(step.Platform, out var platform) && step.Kind != "post_channel")
        {
            var notice = new PostToChannel($"ImtBot could not complete \"{step.Kind}\" for {incident.Key} after {step.Attempts} attempts: {error}");
            try
            {
                await platform.ExecuteAsync(new EffectContext(step.Key + ":dead", incident, notice, store.GetLinks(step.Incident), 1), cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogNoticeFailed(e, step.Key);
            }
        }
    }

    /// <summary>Waits until a running chain ends (or, if one ended since the last look, returns at once).</summary>
    private async Task WaitForCapacityAsync(CancellationToken cancellationToken)
    {
        Task freed;
        lock (_gate)
        {
            if (_running.Count < _options.BatchSize)
            {
                return;
            }

            freed = _freed.Task;
        }

        try
        {
            await freed.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private async Task WaitForWorkAsync(Task wake, CancellationToken cancellationToken)
    {
        DateTimeOffset? next;
        try
        {
            next = store.NextDueAt(Interlocked.Read(ref _lookedAt) is > 0 and var ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogRoundFailed(e);
            next = time.GetUtcNow() + _options.InitialBackoff;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var waits = new List<Task> { wake };

        // Other instances on a shared database commit steps this one is never told of.
        if (_options.PollInterval is { } poll && (next is null || next > time.GetUtcNow() + poll))
        {
            next = time.GetUtcNow() + poll;
        }

        if (next is { } due)
        {
            var delay = due - time.GetUtcNow();
            waits.Add(delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, time, cts.Token));
        }

        try
        {
            await Task.WhenAny(waits).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            await cts.CancelAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox step {Key} failed on attempt {Attempt}, will retry at {Next}: {Error}")]
    private partial void LogRetry(string key, int attempt, DateTimeOffset next, string? error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox step {Key} waits for its turn under the rate limit, at {Turn}")]
    private partial void LogPaced(string key, DateTimeOffset turn);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox step {Key} (attempt {Attempt}) was leased again by another instance (fencing token {Fence}) after this instance's lease ran out; left to it")]
    private partial void LogLeaseLost(string key, int attempt, long fence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox step {Key} threw on attempt {Attempt}")]
    private partial void LogStepThrew(Exception e, string key, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox step {Key} dead-lettered after {Attempt} attempts: {Error}")]
    private partial void LogDeadLetter(string key, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the incident channel that step {Key} failed")]
    private partial void LogNoticeFailed(Exception e, string key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbox step {Key} completed without a call: a later card refresh of its incident is due with it")]
    private partial void LogSuperseded(string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "An outbox round failed; the store may be unavailable")]
    private partial void LogRoundFailed(Exception e);
}
