using LiteDB;

namespace ImtBot.Storage.Documents;

/// <summary>An external id learned for an incident: <c>_id</c> = <c>incident|name</c>, indexed by incident and by (name, value).</summary>
internal static class LinkDocument
{
    public static string Id(int incident, string name) => incident.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + name;

    /// <summary>The (name, value) lookup key, e.g. <c>slack:channel␟C123</c>.</summary>
    public static string NameValue(string name, string value) => name + "\u001f" + value;

    public static BsonDocument ToBson(int incident, string name, string value) => new()
    {
        ["_id"] = Id(incident, name),
        ["incident"] = incident,
        ["name"] = name,
        ["value"] = value,
        ["nv"] = NameValue(name, value),
    };
}
