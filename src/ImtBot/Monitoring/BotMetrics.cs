using System.Diagnostics.Metrics;
using System.Globalization;
using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;
using ImtBot.Storage;
using Prometheus;

namespace ImtBot.Monitoring;

/// <summary>
/// The series of <c>/metrics</c>, in a registry of this host's own (not prometheus-net's process-wide default, so two
/// hosts in one process never mix). Gauges and page counters are computed from the store when scraped — nothing is
/// counted twice beside the incident log; only the commit latency histogram is observed as commits happen (from the
/// store's <see cref="StoreMeters"/>).
/// </summary>
public sealed class BotMetrics : IDisposable
{
    private readonly IIncidentStore _store;
    private readonly TimeProvider _time;
    private readonly PageCounts _pages;
    private readonly MeterListener _listener = new();
    private readonly HashSet<string> _severities = [];
    private readonly Lock _refreshing = new();

    private readonly Gauge _open;
    private readonly Counter _pagesSent;
    private readonly Counter _pagesAcknowledged;
    private readonly Counter _pagesDeclined;
    private readonly Counter _pagesExpired;
    private readonly Gauge _outboxDepth;
    private readonly Gauge _outboxOldestDue;
    private readonly Gauge _outboxByKind;
    private readonly HashSet<(string Kind, string State)> _kindStates = [];
    private readonly Gauge _deadLettered;
    private readonly Histogram _commitSeconds;

    // Dead letters counted at most once a minute: listing them reads every step group of the outbox (done and dead
    // steps have no index), which at 10,000 incidents made a scrape take longer than its timeout.
    private static readonly TimeSpan DeadLetterRecount = TimeSpan.FromMinutes(1);
    private DateTimeOffset? _deadCountedAt;

    public BotMetrics(IIncidentStore store, IIncidentReader reader, TimeProvider time)
    {
        _store = store;
        _time = time;
        _pages = new PageCounts(store, reader);

        Registry = Metrics.NewCustomRegistry();
        var make = Metrics.WithCustomRegistry(Registry);
        _open = make.CreateGauge("imtbot_incidents_open", "Open incidents (not drills) by current severity.", "severity");
        _pagesSent = make.CreateCounter("imtbot_pages_sent_total", "Pages sent, over every incident in the store.");
        _pagesAcknowledged = make.CreateCounter("imtbot_pages_acknowledged_total", "Pages acknowledged.");
        _pagesDeclined = make.CreateCounter("imtbot_pages_declined_total", "Pages declined (an answer, not a failure).");
        _pagesExpired = make.CreateCounter("imtbot_pages_expired_total", "Pages that expired unanswered.");
        _outboxDepth = make.CreateGauge("imtbot_outbox_steps", "Outbox steps waiting or running (effects and timers).");
        _outboxOldestDue = make.CreateGauge("imtbot_outbox_oldest_due_age_seconds",
            "How long the oldest step that is due has waited past its due time (0 when nothing is overdue).");
        _outboxByKind = make.CreateGauge("imtbot_outbox_steps_by_kind",
            "Outbox steps by kind and state: due (pending, due by now), later (pending, due later: a timer, a retry, a turn under a rate limit) or running.",
            "kind", "state");
        _deadLettered = make.CreateGauge("imtbot_outbox_dead_lettered_steps", "Steps the dispatcher gave up on.");
        _commitSeconds = make.CreateHistogram("imtbot_writer_commit_duration_seconds", "Time from a commit call until its batch is durable.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14) });

        Registry.AddBeforeCollectCallback(Refresh);

        // Only this host's store: a listener sees every meter in the process.
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, store.Meters.Meter) && instrument.Name == StoreMeters.CommitDurationName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, _, _) => _commitSeconds.Observe(seconds));
        _listener.Start();
    }

    public CollectorRegistry Registry { get; }

    public void Dispose() => _listener.Dispose();

    /// <summary>Two scrapes at once refresh one after the other (the severities seen are shared state).</summary>
    private void Refresh()
    {
        lock (_refreshing)
        {
            RefreshNow();
        }
    }

    private void RefreshNow()
    {
        var open = _store.ListIncidents(openOnly: true).Where(i => i.Kind != IncidentKind.Drill)
            .GroupBy(i => i.Severity.ToString(CultureInfo.InvariantCulture))
            .ToDictionary(g => g.Key, g => g.Count());
        _severities.UnionWith(open.Keys);
        foreach (var severity in _severities)
        {
            // A severity that had open incidents and has none now reads 0, not its last value.
            _open.WithLabels(severity).Set(open.GetValueOrDefault(severity));
        }

        var pages = _pages.Count();
        _pagesSent.IncTo(pages.Sent);
        _pagesAcknowledged.IncTo(pages.Acknowledged);
        _pagesDeclined.IncTo(pages.Declined);
        _pagesExpired.IncTo(pages.Expired);

        var now = _time.GetUtcNow();
        var waiting = _store.GetSteps(OutboxStatus.Pending).Concat(_store.GetSteps(OutboxStatus.InFlight)).ToList();
        _outboxDepth.Set(waiting.Count);
        var byKind = waiting.GroupBy(s => (s.Kind, State: s.Status == OutboxStatus.InFlight ? "running" : s.DueAt <= now ? "due" : "later"))
            .ToDictionary(g => g.Key, g => g.Count());
        _kindStates.UnionWith(byKind.Keys);
        foreach (var (kind, state) in _kindStates)
        {
            _outboxByKind.WithLabels(kind, state).Set(byKind.GetValueOrDefault((kind, state))); // gone since: 0, not its last value
        }

        var oldestDue = waiting.Where(s => s.DueAt <= now).Select(s => s.DueAt).DefaultIfEmpty(now).Min();
        _outboxOldestDue.Set((now - oldestDue).TotalSeconds);
        if (_deadCountedAt is not { } counted || now - counted >= DeadLetterRecount || now < counted)
        {
            _deadLettered.Set(_store.GetSteps(OutboxStatus.Dead).Count);
            _deadCountedAt = now;
        }
    }
}
