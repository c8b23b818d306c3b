using ImtBot.Core.Events;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Storage.Documents;
using ImtBot.Storage.Integrity;
using LiteDB;

namespace ImtBot.Storage;

public sealed partial class LiteIncidentStore
{
    /// <inheritdoc />
    public int NextIncidentNumber()
    {
        var last = Db.GetCollection(Collections.Incidents).Find(Query.All("_id", Query.Descending), 0, 1).FirstOrDefault();
        // Alert pages' streams are below zero: with only those stored, the first incident is still 1.
        return last is null ? 1 : Math.Max(last["_id"].AsInt32, 0) + 1;
    }

    /// <inheritdoc />
    public IncidentSnapshot? FindIncident(int number) =>
        Db.GetCollection(Collections.Incidents).FindById(number) is { } d ? SnapshotDocument.FromBson(d) : null;

    /// <inheritdoc />
    public IReadOnlyList<IncidentSnapshot> ListIncidents(bool openOnly)
    {
        var incidents = Db.GetCollection(Collections.Incidents);
        var docs = openOnly ? incidents.Find(SnapshotDocument.OpenIncidents) : incidents.FindAll();

        // Streams below zero are alert pages (Core.Alerts.Pages.AlertPageKey), not incidents.
        return [.. docs.Select(SnapshotDocument.FromBson).Where(s => s.Number > 0).OrderBy(s => s.Number)];
    }

    /// <inheritdoc />
    public IReadOnlyList<IncidentSnapshot> ListIncidents(DateTimeOffset from, DateTimeOffset to)
    {
        return to <= from
            ? []
            : [.. Db.GetCollection(Collections.Incidents).Find(DeclaredBetween(from, to)).Select(SnapshotDocument.FromBson).Where(s => s.Number > 0).OrderBy(s => s.DeclaredAt).ThenBy(s => s.Number)];
    }

    /// <inheritdoc />
    public IReadOnlyList<int> ListAlertPages() =>
        [.. Db.GetCollection(Collections.Incidents).Find(Filter.LT("_id", 0)).Select(d => -d["_id"].AsInt32).Order()];

    /// <summary>Declared in [from, to) as one range of the <c>declaredAt</c> index (not one bound and a filter over the rest).</summary>
    internal static BsonExpression DeclaredBetween(DateTimeOffset from, DateTimeOffset to) =>
        Filter.Between("declaredAt", Times.ToTicks(from), Times.ToTicks(to) - 1);

    /// <inheritdoc />
    public IReadOnlyList<IncidentEvent> GetEvents(int number) => [.. ChainAudit.Events(Db, number).Select(EventDocument.FromBson)];

    /// <inheritdoc />
    /// <remarks>One range of the <c>_id</c> index: only the new events are read.</remarks>
    public IReadOnlyList<IncidentEvent> GetEventsAfter(int number, long after) =>
        after == long.MaxValue
            ? []
            : [.. Db.GetCollection(Collections.Events).Find(ChainAudit.EventRange(number, after + 1, long.MaxValue)).OrderBy(d => d["seq"].AsInt64).Select(EventDocument.FromBson)];

    /// <inheritdoc />
    public int? FindIncidentByChannel(ChannelRef channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var nv = LinkDocument.NameValue(channel.Platform + ":channel", channel.Id);
        return Db.GetCollection(Collections.Links).FindOne(Filter.EQ("nv", nv))?["incident"].AsInt32;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> GetLinks(int incident) =>
        Db.GetCollection(Collections.Links).Find(Filter.EQ("incident", incident))
            .ToDictionary(d => d["name"].AsString, d => d["value"].AsString, StringComparer.Ordinal);
}
