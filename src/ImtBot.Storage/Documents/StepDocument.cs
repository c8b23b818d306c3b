using ImtBot.Core.Ports;
using LiteDB;

namespace ImtBot.Storage.Documents;

/// <summary>An outbox step as stored: <c>_id</c> = step key, with <c>status</c>, <c>dueAt</c> and <c>leaseUntil</c> indexed.</summary>
internal static class StepDocument
{
    // Steps due at the same time run in the order they were made: the order a decision listed its effects, and
    // decisions in the order they were taken. Seeded from the wall clock so the order also holds across restarts.
    private static long s_order = DateTime.UtcNow.Ticks;

    public static BsonDocument New(NewStep s, DateTimeOffset now) => new()
    {
        ["_id"] = s.Key,
        ["order"] = Interlocked.Increment(ref s_order),
        ["incident"] = s.Incident,
        ["platform"] = s.Platform,
        ["kind"] = s.Kind,
        ["payload"] = s.Payload,
        ["dueAt"] = Times.ToTicks(s.DueAt),
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
