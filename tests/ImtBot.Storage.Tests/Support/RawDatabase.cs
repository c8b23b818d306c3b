using LiteDB;

namespace ImtBot.Storage.Tests.Support;

/// <summary>Edits a database file directly through LiteDB, as someone with write access to the file could.</summary>
public static class RawDatabase
{
    public static void Edit(string path, Action<LiteDatabase> change)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        change(db);
    }

    public static void SetEventField(string path, int incident, long sequence, string field, BsonValue value) => Edit(path, db =>
    {
        var events = db.GetCollection("events");
        var doc = events.FindOne(Query.And(Query.EQ("incident", incident), Query.EQ("seq", sequence)));
        doc[field] = value;
        events.Update(doc);
    });
}
