using ImtBot.Core.Ports;
using ImtBot.Storage.Documents;
using LiteDB;

namespace ImtBot.Storage;

public sealed partial class LiteIncidentStore
{
    private static readonly string Pending = nameof(OutboxStatus.Pending);
    private static readonly string InFlight = nameof(OutboxStatus.InFlight);

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxStep>> LeaseDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return _writer.Enqueue<IReadOnlyList<OutboxStep>>(db => Lease(db, owner, now, lease, max), null, exclusive: false, cancellationToken);
    }

    /// <inheritdoc />
    public Task CompleteStepAsync(string key, IReadOnlyDictionary<string, string> links, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(links);
        return _writer.Enqueue(
            db =>
            {
                var step = Update(db, key, d =>
                {
                    d["status"] = nameof(OutboxStatus.Done);
                    d[StepDocument.Wake] = BsonValue.Null;
                    d["completedAt"] = Times.ToTicks(now);
                    d["leaseOwner"] = BsonValue.Null;
                    d["leaseUntil"] = BsonValue.Null;
                });
                var incident = step["incident"].AsInt32;
                var collection = db.GetCollection(Collections.Links);
                foreach (var (name, value) in links)
                {
                    collection.Upsert(LinkDocument.ToBson(incident, name, value));
                }

                return true;
            },
            null,
            exclusive: false,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task RetryStepAsync(string key, string error, DateTimeOffset retryAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(error);
        return _writer.Enqueue(
            db => Update(db, key, d =>
            {
                d["status"] = Pending;
                d["lastError"] = error;
                d["dueAt"] = Times.ToTicks(retryAt);
                d[StepDocument.Wake] = Times.ToTicks(retryAt);
                d["leaseOwner"] = BsonValue.Null;
                d["leaseUntil"] = BsonValue.Null;
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
        return _writer.Enqueue(
            db => Update(db, key, d =>
            {
                d["status"] = nameof(OutboxStatus.Dead);
                d[StepDocument.Wake] = BsonValue.Null;
                d["lastError"] = error;
                d["completedAt"] = Times.ToTicks(now);
                d["leaseOwner"] = BsonValue.Null;
                d["leaseUntil"] = BsonValue.Null;
            }),
            null,
            exclusive: false,
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Pending and in-flight steps are read from the <c>wake</c> index (they are its non-null entries); done and dead
    /// steps have no index of their own (it would cost every step write a node), so listing them reads every step.
    /// </remarks>
    public IReadOnlyList<OutboxStep> GetSteps(OutboxStatus status)
    {
        var outbox = Db.GetCollection(Collections.Outbox);
        var name = status.ToString();
        var candidates = status is OutboxStatus.Pending or OutboxStatus.InFlight
            ? outbox.Find(Query.GTE(StepDocument.Wake, long.MinValue))
            : outbox.FindAll();
        return [.. candidates.Where(d => d["status"].AsString == name).Select(StepDocument.FromBson).OrderBy(s => s.DueAt).ThenBy(s => s.Key, StringComparer.Ordinal)];
    }

    /// <summary>The earliest due time of a pending step, or the earliest lease expiry of an in-flight one (crash recovery).</summary>
    public DateTimeOffset? NextDueAt()
    {
        var first = Db.GetCollection(Collections.Outbox).Find(Query.GTE(StepDocument.Wake, long.MinValue), 0, 1).FirstOrDefault();
        return first is null ? null : Times.FromTicks(first[StepDocument.Wake].AsInt64);
    }

    /// <summary>
    /// The first <paramref name="max"/> steps that need the dispatcher by now, read from the front of the <c>wake</c>
    /// index (due pending steps and expired leases; nothing due later is read), run in due-time order, then the order
    /// they were made.
    /// </summary>
    private static IReadOnlyList<OutboxStep> Lease(LiteDatabase db, string owner, DateTimeOffset now, TimeSpan lease, int max)
    {
        var outbox = db.GetCollection(Collections.Outbox);
        var nowTicks = Times.ToTicks(now);
        var due = outbox.Find(Query.Between(StepDocument.Wake, long.MinValue, nowTicks), 0, max)
            .ToList()
            .OrderBy(d => d["dueAt"].AsInt64)
            .ThenBy(StepDocument.Order)
            .ToList();
        var leased = new List<OutboxStep>(due.Count);
        var until = Times.ToTicks(now + lease);
        foreach (var d in due)
        {
            d["status"] = InFlight;
            d["leaseOwner"] = owner;
            d["leaseUntil"] = until;
            d[StepDocument.Wake] = until;
            d["attempts"] = d["attempts"].AsInt32 + 1;
            outbox.Update(d);
            leased.Add(StepDocument.FromBson(d));
        }

        return leased;
    }

    private static BsonDocument Update(LiteDatabase db, string key, Action<BsonDocument> change)
    {
        var outbox = db.GetCollection(Collections.Outbox);
        var d = outbox.FindById(key) ?? throw new KeyNotFoundException($"There is no outbox step '{key}'.");
        change(d);
        outbox.Update(d);
        return d;
    }
}
