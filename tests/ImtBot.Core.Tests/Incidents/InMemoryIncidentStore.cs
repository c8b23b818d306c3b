using ImtBot.Core.Events;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;

namespace ImtBot.Core.Tests.Incidents;

/// <summary>
/// A test double of the store (<see cref="ICommandStore"/> and <see cref="IOutbox"/>) that keeps the ports' promises:
/// one writer, atomic commits, inbox duplicates, optimistic versions (a stale ExpectedVersion or a taken number is a
/// Conflict), contiguous hash-chained events (a broken link is a fault), unique outbox keys. <see cref="BeforeCommit"/> lets a test slip a concurrent
/// change in between a decision and its commit.
/// </summary>
internal sealed class InMemoryIncidentStore : ICommandStore, IOutbox
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, InboxReply> inbox = new(StringComparer.Ordinal);
    private readonly Dictionary<int, List<IncidentEvent>> events = [];
    private readonly Dictionary<int, IncidentSnapshot> snapshots = [];
    private readonly Dictionary<string, OutboxStep> steps = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Dictionary<string, string>> links = [];
    private readonly Dictionary<string, string> settings = new(StringComparer.Ordinal);

    /// <summary>Runs (once per call, outside the lock) before a commit is applied.</summary>
    public Func<CommitRequest, Task>? BeforeCommit { get; set; }

    public int Commits { get; private set; }

    public int Conflicts { get; private set; }

    public async Task<CommitResult> CommitAsync(CommitRequest request, CancellationToken cancellationToken = default)
    {
        // The same caller-bug checks as the real store: these are faults, not conflicts.
        if (request.InboxKey is { Length: 0 } || (request.Incident == 0 && (request.Events.Count > 0 || request.Snapshot is not null)))
        {
            throw new ArgumentException("malformed commit", nameof(request));
        }

        if (request.Snapshot is { } snap && (snap.Number != request.Incident || snap.Version != request.ExpectedVersion + request.Events.Count || snap.Head != request.Events[^1].Hash))
        {
            throw new ArgumentException("the snapshot does not match the events", nameof(request));
        }

        await Task.Yield();
        if (BeforeCommit is { } hook)
        {
            await hook(request);
        }

        lock (gate)
        {
            if (request.InboxKey is { } key && inbox.TryGetValue(key, out var first))
            {
                return new CommitResult(CommitStatus.Duplicate, first.Text, first.Accepted);
            }

            if (request.Incident != 0 && request.Events.Count > 0)
            {
                var log = events.GetValueOrDefault(request.Incident) ?? [];
                if (log.Count != request.ExpectedVersion)
                {
                    Conflicts++;
                    return new CommitResult(CommitStatus.Conflict);
                }

                var previous = log.Count == 0 ? EventChain.GenesisHash : log[^1].Hash;
                for (var i = 0; i < request.Events.Count; i++)
                {
                    var e = request.Events[i];
                    if (e.Incident != request.Incident || e.Sequence != request.ExpectedVersion + i + 1 || e.PreviousHash != previous)
                    {
                        throw new InvalidOperationException($"broken chain at sequence {e.Sequence}");
                    }

                    previous = e.Hash;
                }

                foreach (var s in request.Steps)
                {
                    if (steps.ContainsKey(s.Key))
                    {
                        throw new InvalidOperationException($"duplicate outbox key {s.Key}");
                    }
                }

                log.AddRange(request.Events);
                events[request.Incident] = log;
                if (request.Snapshot is { } snapshot)
                {
                    snapshots[request.Incident] = snapshot;
                }

                foreach (var s in request.Steps)
                {
                    steps[s.Key] = new OutboxStep(s.Key, s.Incident, s.Platform, s.Kind, s.Payload, s.DueAt, OutboxStatus.Pending, 0, null, null, null, DateTimeOffset.UnixEpoch, null);
                }
            }

            if (request.InboxKey is { } k)
            {
                inbox[k] = new InboxReply(request.Reply, request.Accepted);
            }

            Commits++;
            return new CommitResult(CommitStatus.Committed);
        }
    }

    public InboxReply? FindInboxReply(string inboxKey)
    {
        lock (gate)
        {
            return inbox.GetValueOrDefault(inboxKey);
        }
    }

    /// <summary>How many times <see cref="NextIncidentNumber"/> was asked.</summary>
    public int NextNumberReads { get; private set; }

    public int NextIncidentNumber()
    {
        lock (gate)
        {
            NextNumberReads++;
            return events.Keys.Where(k => k > 0).DefaultIfEmpty(0).Max() + 1;
        }
    }

    public IncidentSnapshot? FindIncident(int number)
    {
        lock (gate)
        {
            return snapshots.GetValueOrDefault(number);
        }
    }

    public IReadOnlyList<IncidentSnapshot> ListIncidents(bool openOnly)
    {
        lock (gate)
        {
            return snapshots.Values.Where(s => s.Number > 0 && (!openOnly || s.Status is not (Core.Incidents.IncidentStatus.Closed or Core.Incidents.IncidentStatus.Cancelled))).OrderBy(s => s.Number).ToArray();
        }
    }

    public IReadOnlyList<IncidentSnapshot> ListIncidents(DateTimeOffset from, DateTimeOffset to)
    {
        lock (gate)
        {
            return snapshots.Values.Where(s => s.Number > 0 && s.DeclaredAt >= from && s.DeclaredAt < to).OrderBy(s => s.Number).ToArray();
        }
    }

    /// <summary>Alert pages keep their streams below zero, as in the real store.</summary>
    public IReadOnlyList<int> ListAlertPages()
    {
        lock (gate)
        {
            return snapshots.Keys.Where(n => n < 0).Select(n => -n).Order().ToArray();
        }
    }

    /// <summary>How many events the reads (<see cref="GetEvents"/>, <see cref="GetEventsAfter"/>) have returned: what a fold cost in reads.</summary>
    public int EventsRead { get; private set; }

    public IReadOnlyList<IncidentEvent> GetEvents(int number) => GetEventsAfter(number, 0);

    public IReadOnlyList<IncidentEvent> GetEventsAfter(int number, long after)
    {
        lock (gate)
        {
            var read = events.TryGetValue(number, out var log) ? log.Where(e => e.Sequence > after).ToArray() : [];
            EventsRead += read.Length;
            return read;
        }
    }

    public int? FindIncidentByChannel(ChannelRef channel)
    {
        lock (gate)
        {
            foreach (var (incident, map) in links)
            {
                if (map.TryGetValue(channel.Platform + ":channel", out var id) && id == channel.Id)
                {
                    return incident;
                }
            }

            return null;
        }
    }

    public IReadOnlyDictionary<string, string> GetLinks(int incident)
    {
        lock (gate)
        {
            return links.TryGetValue(incident, out var map) ? new Dictionary<string, string>(map) : new Dictionary<string, string>();
        }
    }

    public Task<IReadOnlyList<OutboxStep>> LeaseDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var due = steps.Values
                .Where(s => (s.Status == OutboxStatus.Pending && s.DueAt <= now) || (s.Status == OutboxStatus.InFlight && s.LeaseUntil <= now))
                .OrderBy(s => s.DueAt).ThenBy(s => s.Key, StringComparer.Ordinal).Take(max)
                .Select(s => s with { Status = OutboxStatus.InFlight, LeaseOwner = owner, LeaseUntil = now + lease, Attempts = s.Attempts + 1 })
                .ToArray();
            foreach (var s in due)
            {
                steps[s.Key] = s;
            }

            return Task.FromResult<IReadOnlyList<OutboxStep>>(due);
        }
    }

    public Task CompleteStepAsync(string key, IReadOnlyDictionary<string, string> learned, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var step = steps[key];
            steps[key] = step with { Status = OutboxStatus.Done, CompletedAt = now };
            foreach (var (k, v) in learned)
            {
                Link(step.Incident, k, v);
            }

            DropStepLinks(step.Incident, key);
        }

        return Task.CompletedTask;
    }

    public Task RetryStepAsync(string key, string error, DateTimeOffset retryAt, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            steps[key] = steps[key] with { Status = OutboxStatus.Pending, LastError = error, DueAt = retryAt, LeaseOwner = null, LeaseUntil = null };
        }

        return Task.CompletedTask;
    }

    public Task DeferStepAsync(string key, string reason, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            steps[key] = steps[key] with { Status = OutboxStatus.Pending, LastError = reason, DueAt = dueAt, LeaseOwner = null, LeaseUntil = null, FailingSince = null };
        }

        return Task.CompletedTask;
    }

    public Task PaceStepAsync(string key, string reason, DateTimeOffset dueAt, bool sent, IReadOnlyDictionary<string, string> links, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var step = steps[key];
            steps[key] = step with { Status = OutboxStatus.Pending, LastError = reason, DueAt = dueAt, LeaseOwner = null, LeaseUntil = null, Attempts = sent ? step.Attempts : Math.Max(0, step.Attempts - 1) };
        }

        return Task.CompletedTask;
    }

    public Task NoteStepAsync(string key, IReadOnlyDictionary<string, string> learned, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            foreach (var (k, v) in learned)
            {
                Link(steps[key].Incident, k, v);
            }
        }

        return Task.CompletedTask;
    }

    public Task ReleaseStepAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            steps[key] = steps[key] with { Status = OutboxStatus.Pending, Attempts = Math.Max(0, steps[key].Attempts - 1), LeaseOwner = null, LeaseUntil = null };
        }

        return Task.CompletedTask;
    }

    public Task DeadLetterStepAsync(string key, string error, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            steps[key] = steps[key] with { Status = OutboxStatus.Dead, LastError = error, CompletedAt = now };
            DropStepLinks(steps[key].Incident, key);
        }

        return Task.CompletedTask;
    }

    public IReadOnlyList<OutboxStep> GetSteps(OutboxStatus status)
    {
        lock (gate)
        {
            return steps.Values.Where(s => s.Status == status).OrderBy(s => s.Key, StringComparer.Ordinal).ToArray();
        }
    }

    public DateTimeOffset? NextDueAt(DateTimeOffset? after = null)
    {
        lock (gate)
        {
            var pending = steps.Values.Where(s => s.Status == OutboxStatus.Pending && (after is null || s.DueAt > after)).ToArray();
            return pending.Length == 0 ? null : pending.Min(s => s.DueAt);
        }
    }

    public string? GetSetting(string key)
    {
        lock (gate)
        {
            return settings.GetValueOrDefault(key);
        }
    }

    public Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            settings[key] = value;
        }

        return Task.CompletedTask;
    }

    private void DropStepLinks(int incident, string key)
    {
        if (links.TryGetValue(incident, out var map))
        {
            foreach (var name in map.Keys.Where(n => n.StartsWith(StepLinks.Prefix(key), StringComparison.Ordinal)).ToList())
            {
                map.Remove(name);
            }
        }
    }

    /// <summary>Records an external id, as the dispatcher does after running an effect (e.g. <c>console:channel</c>).</summary>
    public void Link(int incident, string key, string value)
    {
        lock (gate)
        {
            if (!links.TryGetValue(incident, out var map))
            {
                links[incident] = map = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            map[key] = value;
        }
    }

    public int InboxCount
    {
        get
        {
            lock (gate)
            {
                return inbox.Count;
            }
        }
    }
}
