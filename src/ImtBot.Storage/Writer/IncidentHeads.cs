using ImtBot.Storage.Documents;
using LiteDB;

namespace ImtBot.Storage.Writer;

/// <summary>
/// Every incident's stored version and chain head, as its snapshot document holds them, kept by the writer so the
/// version check and the chain check of a commit need no read. Reading the snapshot back was ~15 % of the writer's
/// time per declaration (a LiteDB query, its expression parsed each time), and a declaration only learnt from it
/// that the incident did not exist yet.
/// <para>
/// Writer thread only (and the open that loads it, before the writer sees the engine). Changes made inside a
/// transaction count for the rest of it, become the stored state when LiteDB commits it and are dropped when it
/// rolls back; the whole map is rebuilt from the file whenever the engine is (re)opened. Only
/// <see cref="CommitWork"/> writes snapshots, so the map and the collection cannot drift apart in between.
/// </para>
/// </summary>
internal sealed class IncidentHeads
{
    private readonly Dictionary<int, (long Version, string Head)> _stored = [];
    private readonly Dictionary<int, (long Version, string Head)> _pending = [];

    /// <summary>Reads every snapshot's number, version and head.</summary>
    public void Load(LiteDatabase db)
    {
        _stored.Clear();
        _pending.Clear();
        foreach (var d in db.GetCollection(Collections.Incidents).FindAll())
        {
            _stored[d["_id"].AsInt32] = (d["version"].AsInt64, d["head"].AsString);
        }
    }

    /// <summary>The incident's version and head as the open transaction sees them; false when it does not exist.</summary>
    public bool TryGet(int incident, out (long Version, string Head) current) =>
        _pending.TryGetValue(incident, out current) || _stored.TryGetValue(incident, out current);

    /// <summary>Records the snapshot written in the open transaction.</summary>
    public void Set(int incident, long version, string head) => _pending[incident] = (version, head);

    public void Commit()
    {
        foreach (var (incident, current) in _pending)
        {
            _stored[incident] = current;
        }

        _pending.Clear();
    }

    public void Rollback() => _pending.Clear();
}
