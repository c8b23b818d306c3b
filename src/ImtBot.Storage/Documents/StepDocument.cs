using ImtBot.Core.Ports;
using LiteDB;

namespace ImtBot.Storage.Documents;

/// <summary>
/// One outbox step as stored inside its <see cref="GroupDocument"/>: <c>key</c>, <c>order</c>, <c>kind</c>,
/// <c>payload</c>, <c>dueAt</c>, <c>status</c>, <c>attempts</c> and, once set, <c>lastError</c>, <c>leaseOwner</c>,
/// <c>leaseUntil</c>, <c>completedAt</c>, <c>failingSince</c> (the first transient fault of its current run of them) and
/// <c>firstTriedAt</c> (when it was first leased), <c>held</c> (true while its last attempt failed: its incident's later steps wait behind it) (absent reads as null). A step's wake time (when the dispatcher must next look
/// at it) follows from its status: its due time while pending, its lease expiry while in flight, none once done or dead.
/// Files written before step groups hold one document per step with <c>_id</c> = key; they are migrated at open.
/// </summary>
internal static class StepDocument
{
    // Steps due at the same time run in the order they were made: the order a decision listed its effects, and
    // decisions in the order they were taken. Seeded from the wall clock (and raised above the file's newest group at
    // open) so the order also holds across restarts. Group ids come from the same counter: unique and ascending.
    private static long s_order = DateTime.UtcNow.Ticks;

    /// <summary>The next value of the process-wide ascending counter (step order and group id).</summary>
    public static long Next() => Interlocked.Increment(ref s_order);

    /// <summary>Makes every later <see cref="Next"/> larger than <paramref name="value"/> (a file's newest group or order).</summary>
    public static void RaiseAbove(long value)
    {
        var current = Interlocked.Read(ref s_order);
        while (current < value && Interlocked.CompareExchange(ref s_order, value, current) is var seen && seen != current)
        {
            current = seen;
        }
    }

    /// <summary>
    /// Kinds leased before all others when more is due than the dispatcher can take: a new incident's channel, pages
    /// and announcements must not wait behind card refreshes (docs/reliability.md §Outbox).
    /// </summary>
    public static bool IsUrgent(string kind) => kind is "open_channel" or "send_page" or "announce";

    /// <summary>The wake time (ticks) of a stored step for its status, or null when it never needs the dispatcher again.</summary>
    public static long? WakeOf(BsonDocument step) => step["status"].AsString switch
    {
        nameof(OutboxStatus.Pending) => step["dueAt"].AsInt64,
        nameof(OutboxStatus.InFlight) => step["leaseUntil"].AsInt64,
        _ => null,
    };

    public static BsonDocument New(NewStep s) => new()
    {
        ["key"] = s.Key,
        ["order"] = Next(),
        ["kind"] = s.Kind,
        ["payload"] = s.Payload,
        ["dueAt"] = Times.ToTicks(s.DueAt),
        ["status"] = nameof(OutboxStatus.Pending),
        ["attempts"] = 0,
    };

    /// <summary>The order in which steps due at the same time run (0 on files from before it was kept).</summary>
    public static long Order(BsonDocument step) => step["order"].IsNumber ? step["order"].AsInt64 : 0;

    /// <summary>The step as the port returns it; incident, platform and creation time are the group's unless the step has its own.</summary>
    public static OutboxStep FromBson(BsonDocument group, BsonDocument step) => new(
        step["key"].AsString,
        (step["incident"].IsNull ? group["incident"] : step["incident"]).AsInt32,
        (step["platform"].IsNull ? group["platform"] : step["platform"]).AsString,
        step["kind"].AsString,
        step["payload"].AsString,
        Times.FromTicks(step["dueAt"].AsInt64),
        Enum.Parse<OutboxStatus>(step["status"].AsString),
        step["attempts"].AsInt32,
        step["lastError"].IsNull ? null : step["lastError"].AsString,
        step["leaseOwner"].IsNull ? null : step["leaseOwner"].AsString,
        Times.FromBson(step["leaseUntil"]),
        Times.FromTicks(group["createdAt"].AsInt64),
        Times.FromBson(step["completedAt"]),
        Times.FromBson(step["failingSince"]),
        Times.FromBson(step["firstTriedAt"]));
}
