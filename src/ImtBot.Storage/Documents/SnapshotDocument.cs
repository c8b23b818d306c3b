using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;
using LiteDB;

namespace ImtBot.Storage.Documents;

/// <summary>An incident snapshot as stored: <c>_id</c> = number, with <c>open</c> and <c>declaredAt</c> indexed.</summary>
internal static class SnapshotDocument
{
    public static BsonDocument ToBson(IncidentSnapshot s) => new()
    {
        ["_id"] = s.Number,
        ["version"] = s.Version,
        ["title"] = s.Title,
        ["severity"] = s.Severity,
        ["kind"] = s.Kind.ToString(),
        ["status"] = s.Status.ToString(),
        ["open"] = s.Status is not (IncidentStatus.Closed or IncidentStatus.Cancelled),
        ["platform"] = s.Platform,
        ["declaredAt"] = Times.ToTicks(s.DeclaredAt),
        ["resolvedAt"] = Times.ToBson(s.ResolvedAt),
        ["closedAt"] = Times.ToBson(s.ClosedAt),
        ["head"] = s.Head,
    };

    public static IncidentSnapshot FromBson(BsonDocument d) => new(
        d["_id"].AsInt32,
        d["version"].AsInt64,
        d["title"].AsString,
        d["severity"].AsInt32,
        Enum.Parse<IncidentKind>(d["kind"].AsString),
        Enum.Parse<IncidentStatus>(d["status"].AsString),
        d["platform"].AsString,
        Times.FromTicks(d["declaredAt"].AsInt64),
        Times.FromBson(d["resolvedAt"]),
        Times.FromBson(d["closedAt"]),
        d["head"].AsString);
}
