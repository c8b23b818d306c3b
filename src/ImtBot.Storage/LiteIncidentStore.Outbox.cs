using System.Collections.Concurrent;
using ImtBot.Core.Ports;
using ImtBot.Storage.Documents;
using LiteDB;

namespace ImtBot.Storage;

/// <remarks>
/// The outbox keeps a commit's steps in one group document (<see cref="GroupDocument"/>). Completing, retrying or
/// dead-lettering a step by key finds its group through <see cref="_groupOf"/>, filled when a lease is acknowledged
/// (the dispatcher only settles steps it leased); a key it does not hold (a lease from before a reopen, an unknown
/// key) is searched in the unfinished groups, then in all of them.
/// </remarks>
public sealed partial class LiteIncidentStore
{
    private static readonly string Pending = nameof(OutboxStatus.Pending);
    private static readonly string InFlight = nameof(OutboxStatus.InFlight);

    // Step key → id of the group holding it. A step never changes group, so an entry can only be missing, never
    // wrong for a stored step; entries are added once a lease is durable and removed once the step is done or dead.
    private readonly ConcurrentDictionary<string, long> _groupOf = new(StringComparer.Ordinal);

    // Held steps (key → incident, order): unfinished steps whose last attempt failed, which hold their incident's later
    // steps back. Read and written only on the writer thread; null until the first lease after an open loads it.
    private Dictionary<string, (int Incident, long Order, long Wake)>? _held;

    // Groups parked behind a held step (incident → group ids), so that the incident's next settle can wake them. Lost
    // on a reopen, which is safe: a parked group wakes by itself at its holder's wake, the earliest it could run.
    private readonly Dictionary<int, HashSet<long>> _parked = [];

    // Leased steps (key → incident, order, owner, lease expiry), kept beside _held on the writer thread. A step leased by
    // another owner (a process that was killed) may be half done — a card posted but not yet pinned or recorded — so
    // its incident's later steps wait until it is settled or, its lease run out, taken up (and reconciled) again by
    // this owner: a later card refresh never posts a second card beside one it cannot see yet.
    private readonly Dictionary<string, (int Incident, long Order, string Owner, long Until)> _leased = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxStep>> LeaseDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return LeaseAndRemember(_writer.Enqueue(db => Lease(db, owner, now, lease, max), null, exclusive: false, cancellationToken));
    }

    /// <inheritdoc />
    public Task CompleteStepAsync(string key, IReadOnlyDictionary<string, string> links, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(links);
        return SettleAndForget(
            key,
            _writer.Enqueue(
                db =>
                {
                    var incident = Update(db, key, s =>
                    {
                        s["status"] = nameof(OutboxStatus.Done);
                        s["completedAt"] = Times.ToTicks(now);
                        s.Remove("leaseOwner");
                        s.Remove("leaseUntil");
                        s.Remove("failingSince");
                        s.Remove("held");
                    });
                    StoreLinks(db, incident, links);
                    DropStepLinks(db, incident, key);
                    Unpark(db, incident);
                    return true;
                },
                null,
                exclusive: false,
                cancellationToken));
    }

    /// <inheritdoc />
    public Task RetryStepAsync(string key, string error, DateTimeOffset retryAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(error);

        // The step stays in the map: it is pending again and will be leased (and settled) again.
        return _writer.Enqueue(
            db => Update(db, key, s =>
            {
                BackToPending(s, error, retryAt);
                if (s["failingSince"].IsNull)
                {
                    s["failingSince"] = Times.ToTicks(_time.GetUtcNow());
                }

                if (StepOrder.HoldsLater(s["kind"].AsString))
                {
                    s["held"] = true;
                }
            }),
            null,
            exclusive: false,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task DeferStepAsync(string key, string reason, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(reason);
        return _writer.Enqueue(
            db =>
            {
                var incident = Update(db, key, s =>
                {
                    BackToPending(s, reason, dueAt);
                    s.Remove("failingSince");
                    s.Remove("held");
                });
                Unpark(db, incident);
                return incident;
            },
            null,
            exclusive: false,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task PaceStepAsync(string key, string reason, DateTimeOffset dueAt, bool sent, IReadOnlyDictionary<string, string> links, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(links);
        return _writer.Enqueue(
            db =>
            {
                var incident = Update(db, key, s =>
                {
                    BackToPending(s, reason, dueAt);
                    if (!sent)
                    {
                        s["attempts"] = Math.Max(0, s["attempts"].AsInt32 - 1);
                    }

                    if (StepOrder.HoldsLater(s["kind"].AsString))
                    {
                        s["held"] = true;
                    }
                });
                StoreLinks(db, incident, links);
                return incident;
            },
            null,
            exclusive: false,
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>One process holds the file, so no other holder can have taken the lease: the links are simply stored.</remarks>
    public Task NoteStepAsync(string key, IReadOnlyDictionary<string, string> links, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(links);
        return _writer.Enqueue(
            db =>
            {
                var (group, step) = FindStep(db.GetCollection(Collections.Outbox), key);
                var incident = IncidentOf(group, step);
                StoreLinks(db, incident, links);
                return incident;
            },
            null,
            exclusive: false,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task ReleaseStepAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return _writer.Enqueue(
            db => Update(db, key, s =>
            {
                s["status"] = Pending;
                s["attempts"] = Math.Max(0, s["attempts"].AsInt32 - 1);
                s.Remove("leaseOwner");
                s.Remove("leaseUntil");
            }),
            null,
            exclusive: false,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task DeadLetterStepAsync(string key, string error, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(error);
        return SettleAndForget(
            key,
            _writer.Enqueue(
                db =>
                {
                    var incident = Update(db, key, s =>
                    {
                        s.Remove("failingSince");
                        s.Remove("held");
                        s["status"] = nameof(OutboxStatus.Dead);
                        s["lastError"] = error;
                        s["completedAt"] = Times.ToTicks(now);
                        s.Remove("leaseOwner");
                        s.Remove("leaseUntil");
                    });
                    DropStepLinks(db, incident, key);
                    Unpark(db, incident);
                    return incident;
                },
                null,
                exclusive: false,
                cancellationToken));
    }

    /// <inheritdoc />
    /// <remarks>
    /// Pending and in-flight steps are in the groups of the <c>wake</c> index (its non-null entries); done and dead
    /// steps have no index of their own (it would cost every write a node), so listing them reads every group.
    /// </remarks>
    public IReadOnlyList<OutboxStep> GetSteps(OutboxStatus status)
    {
        var outbox = Db.GetCollection(Collections.Outbox);
        var groups = status is OutboxStatus.Pending or OutboxStatus.InFlight
            ? outbox.Find(Filter.GTE(GroupDocument.Wake, long.MinValue))
            : outbox.FindAll();
        return [.. groups.SelectMany(GroupDocument.Unwind).Where(s => s.Status == status).OrderBy(s => s.DueAt).ThenBy(s => s.Key, StringComparer.Ordinal)];
    }

    /// <summary>The earliest due time of a pending step, or the earliest lease expiry of an in-flight one (crash recovery).</summary>
    public DateTimeOffset? NextDueAt(DateTimeOffset? after = null)
    {
        var outbox = Db.GetCollection(Collections.Outbox);
        if (after is null)
        {
            var first = outbox.Find(Filter.GTE(GroupDocument.Wake, long.MinValue), 0, 1).FirstOrDefault();
            return first is null ? null : Times.FromTicks(first[GroupDocument.Wake].AsInt64);
        }

        // A group's wake is its earliest step's: a group due by then may still hold a step due later, so the due
        // groups (the few held back, when the dispatcher asks this) are looked into as well as the first later one.
        var afterTicks = Times.ToTicks(after.Value);
        var next = outbox.Find(Filter.GT(GroupDocument.Wake, afterTicks), 0, 1).FirstOrDefault()?[GroupDocument.Wake].AsInt64;
        foreach (var group in outbox.Find(Filter.Between(GroupDocument.Wake, long.MinValue, afterTicks)).Where(g => g[GroupDocument.Steps].IsArray))
        {
            foreach (var step in group[GroupDocument.Steps].AsArray)
            {
                if (StepDocument.WakeOf(step.AsDocument) is { } wake && wake > afterTicks && (next is null || wake < next))
                {
                    next = wake;
                }
            }
        }

        return next is { } ticks ? Times.FromTicks(ticks) : null;
    }

    /// <summary>
    /// The first <paramref name="max"/> steps that need the dispatcher by now (due pending steps and expired leases):
    /// urgent ones first (read from the front of the <c>urgent</c> index), then the rest, earliest wake first (from the
    /// front of the <c>wake</c> index). Groups are read while one could still hold a step earlier than the
    /// <paramref name="max"/>-th found, and nothing due later is read. A step behind a held one of its incident (an
    /// earlier step that failed and waits for its retry) is left: the incident's steps resume in order. The chosen run
    /// in due-time order, then the order they were made; each group touched is written back once.
    /// </summary>
    private List<(OutboxStep Step, long Group)> Lease(LiteDatabase db, string owner, DateTimeOffset now, TimeSpan lease, int max)
    {
        var outbox = db.GetCollection(Collections.Outbox);
        var nowTicks = Times.ToTicks(now);
        var held = HeldSteps(outbox, owner, nowTicks);
        var parking = new List<(BsonDocument Group, long Until)>();
        var candidates = Collect(outbox, GroupDocument.Urgent, nowTicks, max, held, urgentOnly: true, taken: null, parking);
        if (candidates.Count < max)
        {
            // A group read by both passes must be changed and written back as one document, not two copies.
            var read = candidates.Select(d => d.Group).DistinctBy(g => g["_id"].AsInt64).ToDictionary(g => g["_id"].AsInt64);
            var taken = candidates.Select(d => d.Step["key"].AsString).ToHashSet(StringComparer.Ordinal);
            candidates.AddRange(Collect(outbox, GroupDocument.Wake, nowTicks, max - candidates.Count, held, urgentOnly: false, taken, parking)
                .Select(d => read.TryGetValue(d.Group["_id"].AsInt64, out var same) ? d with { Group = same, Step = GroupDocument.Find(same, d.Step["key"].AsString)! } : d));
        }

        var chosen = candidates.OrderBy(d => d.Step["dueAt"].AsInt64).ThenBy(d => d.Order).ToList();
        var leased = new List<(OutboxStep, long)>(chosen.Count);
        var until = Times.ToTicks(now + lease);
        foreach (var d in chosen)
        {
            if (d.Step["attempts"].AsInt32 == 0)
            {
                d.Step["firstTriedAt"] = nowTicks;
            }

            d.Step["status"] = InFlight;
            d.Step["leaseOwner"] = owner;
            d.Step["leaseUntil"] = until;
            d.Step["attempts"] = d.Step["attempts"].AsInt32 + 1;
            Track(d.Group, d.Step);
        }

        foreach (var group in chosen.Select(d => d.Group).Distinct())
        {
            GroupDocument.Refresh(group);
            outbox.Update(group);
        }

        Park(outbox, parking, chosen.Select(d => d.Group));

        foreach (var d in chosen)
        {
            leased.Add((StepDocument.FromBson(d.Group, d.Step), d.Group["_id"].AsInt64));
        }

        return leased;
    }

    /// <summary>Up to <paramref name="max"/> leasable steps found through one index (wake or urgent), earliest first.</summary>
    /// <param name="parking">Gets the groups read whose due steps all wait behind a holder that wakes later, with that wake.</param>
    private static List<Due> Collect(ILiteCollection<BsonDocument> outbox, string index, long nowTicks, int max, Dictionary<int, (long Order, long Wake)> held, bool urgentOnly, HashSet<string>? taken, List<(BsonDocument Group, long Until)> parking)
    {
        var candidates = new List<Due>();
        var cutoff = long.MaxValue;
        foreach (var group in outbox.Find(Filter.Between(index, long.MinValue, nowTicks)))
        {
            // A group's wake is its earliest step's: once it is past the max-th earliest step found, no later group
            // can hold one that would be taken.
            if (group[index].AsInt64 > cutoff)
            {
                break;
            }

            var heldUntil = long.MaxValue; // the earliest wake of the holders its due steps wait behind
            var free = false; // some due step of it does not wait behind a holder
            foreach (var s in group[GroupDocument.Steps].AsArray)
            {
                var step = s.AsDocument;
                var kind = step["kind"].AsString;
                if (StepDocument.WakeOf(step) is not { } wake || wake > nowTicks)
                {
                    continue;
                }

                var order = StepDocument.Order(step);
                var incident = IncidentOf(group, step);
                if (StepOrder.WaitsForEarlier(kind) && held.TryGetValue(incident, out var first) && first.Order < order)
                {
                    heldUntil = Math.Min(heldUntil, first.Wake);
                    continue; // behind an earlier step that failed: it runs after that one
                }

                // Every due step counts for parking, urgent or not: when the urgent pass fills the slots the other
                // pass does not run, and a held group left unparked would be read again by every lease.
                free = true;
                if (urgentOnly && !StepDocument.IsUrgent(kind))
                {
                    continue;
                }

                if (taken is null || !taken.Contains(step["key"].AsString))
                {
                    candidates.Add(new Due(wake, order, group, step));
                }
            }

            if (!free && heldUntil != long.MaxValue && heldUntil > nowTicks)
            {
                parking.Add((group, heldUntil));
            }

            if (candidates.Count >= max)
            {
                candidates.Sort(Due.ByWake);
                candidates.RemoveRange(max, candidates.Count - max);
                cutoff = candidates[^1].Wake;
            }
        }

        candidates.Sort(Due.ByWake);
        return candidates.Count > max ? candidates[..max] : candidates;
    }

    /// <summary>
    /// Each incident's earliest held step (its order), from <see cref="_held"/>, loaded on first use, and its earliest
    /// step still leased by another owner (<see cref="_leased"/>).
    /// </summary>
    private Dictionary<int, (long Order, long Wake)> HeldSteps(ILiteCollection<BsonDocument> outbox, string owner, long nowTicks)
    {
        if (_held is null)
        {
            // Once per open: held steps are unfinished, so only the wake index's non-null entries are read.
            _held = new(StringComparer.Ordinal);
            _leased.Clear();
            foreach (var group in outbox.Find(Filter.GTE(GroupDocument.Wake, long.MinValue)))
            {
                foreach (var s in group[GroupDocument.Steps].AsArray)
                {
                    Track(group, s.AsDocument);
                }
            }
        }

        var first = new Dictionary<int, (long Order, long Wake)>();
        foreach (var (incident, order, wake) in _held.Values)
        {
            Hold(first, incident, order, wake);
        }

        foreach (var (incident, order, leasedBy, until) in _leased.Values)
        {
            // Expired or not: once a dead owner's lease has run out the step's wake is that lease's end, later than its
            // incident's next steps' due times, so with few free slots a later step would be taken first — a card
            // refresh that then posts a second card beside the one the dead owner posted. The step itself is due and
            // is leased again (it is not behind itself); its incident's later steps follow it.
            if (leasedBy != owner)
            {
                Hold(first, incident, order, until);
            }
        }

        return first;
    }

    /// <summary>Keeps the earliest holder of <paramref name="incident"/>: its order, and when it wakes.</summary>
    private static void Hold(Dictionary<int, (long Order, long Wake)> first, int incident, long order, long wake)
    {
        if (!first.TryGetValue(incident, out var earlier) || order < earlier.Order)
        {
            first[incident] = (order, wake);
        }
    }

    /// <summary>Parks groups whose due steps all wait behind a holder until that holder's wake (see <see cref="GroupDocument.Parked"/>).</summary>
    private void Park(ILiteCollection<BsonDocument> outbox, List<(BsonDocument Group, long Until)> parking, IEnumerable<BsonDocument> leased)
    {
        var written = leased.Select(g => g["_id"].AsInt64).ToHashSet();
        foreach (var (group, until) in parking.Where(p => written.Add(p.Group["_id"].AsInt64)))
        {
            group[GroupDocument.Parked] = until;
            GroupDocument.Refresh(group);
            outbox.Update(group);
            foreach (var incident in group[GroupDocument.Steps].AsArray.Select(step => IncidentOf(group, step.AsDocument)).Distinct())
            {
                if (!_parked.TryGetValue(incident, out var groups))
                {
                    _parked[incident] = groups = [];
                }

                groups.Add(group["_id"].AsInt64);
            }
        }
    }

    /// <summary>A step of <paramref name="incident"/> settled: groups parked behind its holder are looked at again.</summary>
    private void Unpark(LiteDatabase db, int incident)
    {
        if (!_parked.Remove(incident, out var groups))
        {
            return;
        }

        var outbox = db.GetCollection(Collections.Outbox);
        foreach (var id in groups)
        {
            if (outbox.FindById(id) is { } group && group.Remove(GroupDocument.Parked))
            {
                GroupDocument.Refresh(group);
                outbox.Update(group);
            }
        }
    }

    /// <summary>Keeps <see cref="_held"/> in step with a step just read or changed (on the writer thread).</summary>
    private void Track(BsonDocument group, BsonDocument step)
    {
        if (_held is null)
        {
            return;
        }

        var key = step["key"].AsString;
        if (step["status"].AsString == InFlight && StepOrder.HoldsLater(step["kind"].AsString))
        {
            _leased[key] = (IncidentOf(group, step), StepDocument.Order(step), step["leaseOwner"].AsString, step["leaseUntil"].AsInt64);
        }
        else
        {
            _leased.Remove(key);
        }

        if (step["held"].IsBoolean && step["held"].AsBoolean && StepDocument.WakeOf(step) is not null)
        {
            _held[key] = (IncidentOf(group, step), StepDocument.Order(step), StepDocument.WakeOf(step)!.Value);
        }
        else
        {
            _held.Remove(key);
        }
    }

    /// <summary>Changes one step, rewrites its group (with its new wake) and returns the step's incident.</summary>
    private int Update(LiteDatabase db, string key, Action<BsonDocument> change)
    {
        var outbox = db.GetCollection(Collections.Outbox);
        var (group, step) = FindStep(outbox, key);
        change(step);
        Track(group, step);
        GroupDocument.Refresh(group);
        outbox.Update(group);
        return IncidentOf(group, step);
    }

    /// <summary>The incident a step belongs to (stored on the step only when it differs from its group's).</summary>
    private static int IncidentOf(BsonDocument group, BsonDocument step) => (step["incident"].IsNull ? group["incident"] : step["incident"]).AsInt32;

    private (BsonDocument Group, BsonDocument Step) FindStep(ILiteCollection<BsonDocument> outbox, string key)
    {
        if (_groupOf.TryGetValue(key, out var id) && outbox.FindById(id) is { } known && GroupDocument.Find(known, key) is { } step)
        {
            return (known, step);
        }

        foreach (var groups in (IEnumerable<BsonDocument>[])[outbox.Find(Filter.GTE(GroupDocument.Wake, long.MinValue)), outbox.FindAll()])
        {
            foreach (var group in groups)
            {
                if (GroupDocument.Find(group, key) is { } found)
                {
                    return (group, found);
                }
            }
        }

        throw new KeyNotFoundException($"There is no outbox step '{key}'.");
    }

    private async Task<IReadOnlyList<OutboxStep>> LeaseAndRemember(Task<List<(OutboxStep Step, long Group)>> leasing)
    {
        var leased = await leasing.ConfigureAwait(false);
        var steps = new OutboxStep[leased.Count];
        for (var i = 0; i < leased.Count; i++)
        {
            _groupOf[leased[i].Step.Key] = leased[i].Group;
            steps[i] = leased[i].Step;
        }

        return steps;
    }

    private async Task SettleAndForget<T>(string key, Task<T> settling)
    {
        await settling.ConfigureAwait(false);
        _groupOf.TryRemove(key, out _);
    }

    /// <summary>A leasable step: its wake, its order, and where it is stored.</summary>
    private readonly record struct Due(long Wake, long Order, BsonDocument Group, BsonDocument Step)
    {
        public static readonly Comparison<Due> ByWake = (a, b) => a.Wake != b.Wake ? a.Wake.CompareTo(b.Wake) : a.Order.CompareTo(b.Order);
    }

    /// <summary>Stores the links a step learned (on the writer thread, in the settle's transaction).</summary>
    private static void StoreLinks(LiteDatabase db, int incident, IReadOnlyDictionary<string, string> links)
    {
        var collection = db.GetCollection(Collections.Links);
        foreach (var (name, value) in links)
        {
            collection.Upsert(LinkDocument.ToBson(incident, name, value));
        }
    }

    /// <summary>Removes the links of step <paramref name="key"/> alone (<see cref="StepLinks"/>): it has ended.</summary>
    private static void DropStepLinks(LiteDatabase db, int incident, string key) =>
        db.GetCollection(Collections.Links).DeleteMany(Filter.StartsWith("_id", LinkDocument.Id(incident, StepLinks.Prefix(key))));

    /// <summary>A step handed back to the queue: pending again at <paramref name="dueAt"/>, unleased, with why.</summary>
    private static void BackToPending(BsonDocument step, string why, DateTimeOffset dueAt)
    {
        step["status"] = Pending;
        step["lastError"] = why;
        step["dueAt"] = Times.ToTicks(dueAt);
        step.Remove("leaseOwner");
        step.Remove("leaseUntil");
    }
}
