using ImtBot.Core.Events;
using ImtBot.Core.Platforms;
using LiteDB;

namespace ImtBot.Storage.Documents;

/// <summary>
/// An event as stored: <c>_id</c> = zero-padded <c>incident:seq</c> (unique, and ordered by sequence within an
/// incident), the data as <see cref="EventChain.SerializeData"/> JSON, and the hashes as given.
/// </summary>
internal static class EventDocument
{
    public static string Id(int incident, long sequence) => Prefix(incident) + sequence.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    public static string Prefix(int incident) => incident.ToString("D10", System.Globalization.CultureInfo.InvariantCulture) + ":";

    public static BsonDocument ToBson(IncidentEvent e) => new()
    {
        ["_id"] = Id(e.Incident, e.Sequence),
        ["incident"] = e.Incident,
        ["seq"] = e.Sequence,
        ["at"] = Times.ToTicks(e.At),
        ["actor"] = new BsonDocument { ["platform"] = e.Actor.Platform, ["id"] = e.Actor.Id, ["name"] = e.Actor.DisplayName },
        ["type"] = e.Type,
        ["data"] = EventChain.SerializeData(e.Data),
        ["prev"] = e.PreviousHash,
        ["hash"] = e.Hash,
    };

    public static IncidentEvent FromBson(BsonDocument d)
    {
        var actor = d["actor"].AsDocument;
        return new IncidentEvent(
            d["incident"].AsInt32,
            d["seq"].AsInt64,
            Times.FromTicks(d["at"].AsInt64),
            new UserRef(actor["platform"].AsString, actor["id"].AsString, actor["name"].AsString),
            EventChain.DeserializeData(d["data"].AsString),
            d["prev"].AsString,
            d["hash"].AsString);
    }
}
