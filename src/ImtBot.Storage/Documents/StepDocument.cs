using ImtBot.Core.Ports;
using LiteDB;

namespace ImtBot.Storage.Documents;

/// <summary>
/// An outbox step as stored: <c>_id</c> = step key, with <c>status</c> and <c>wake</c> indexed. <c>wake</c> is when the
/// step next needs the dispatcher: its due time while pending, its lease expiry while in flight, absent (null) once done
/// or dead. Leasing and the next wake-up read only the front of that index, so steps due later (timers) and finished
/// steps cost nothing there however many there are.
/// </summary>
internal static class StepDocument
{
    // Steps due at the same time run in the order they were made: the order a decision listed its effects, and
    // decisions in the order they were taken. Seeded from the wall clock so the order also holds across restarts.
    private static long s_order = DateTime.UtcNow.Ticks;

    /// <summary>The indexed field: when the dispatcher must next look at the step (ticks), null when never again.</summary>
    public const string Wake = "wake";

    /// <summary>The wake time a stored step should have for its status (used to fill it in on files from before it existed).</summary>
    public static BsonValue WakeOf(BsonDocument d) => d["status"].AsString switch
    {
        nameof(OutboxStatus.Pending) => d["dueAt"],
        nameof(OutboxStatus.InFlight) => d["leaseUntil"],
        _ => BsonValue.Null,
    };

    public static BsonDocument New(NewStep s, DateTimeOffset now) => new()
    {
        ["_id"] = s.Key,
        ["order"] = Interlocked.Increment(ref s_order),
        ["incident"] = s.Incident,
        ["platform"] = s.Platform,
        ["kind"] = s.Kind,
        ["payload"] = s.Payload,
        ["dueAt"] = Times.ToTicks(s.DueAt),
        [Wake] = Times.ToTicks(s.DueAt),
        ["status"] = nameof(OutboxStatus.Pending),
        ["attempts"] = 0,
        ["lastError"] = BsonValue.Null,
        ["leaseOwner"] = BsonValue.Null,
        ["leaseUntil"] = BsonValue.Null,
        ["createdAt"] = Times.ToTicks(now),
        ["completedAt"] = BsonValue.Null,
    };

    /// <summary>The order in which steps due at the same time run.</summary>
    public static long Order(BsonDocument d) => d["order"].IsNumber ? d["order"].AsInt64 : 0;

    public static OutboxStep FromBson(BsonDocument d) => new(
        d["_id"].AsString,
        d["incident"].AsInt32,
        d["platform"].AsString,
        d["kind"].AsString,
        d["payload"].AsString,
        Times.FromTicks(d["dueAt"].AsInt64),
        Enum.Parse<OutboxStatus>(d["status"].AsString),
        d["attempts"].AsInt32,
        d["lastError"].IsNull ? null : d["lastError"].AsString,
        d["leaseOwner"].IsNull ? null : d["leaseOwner"].AsString,
        Times.FromBson(d["leaseUntil"]),
        Times.FromTicks(d["createdAt"].AsInt64),
        Times.FromBson(d["completedAt"]));
}
