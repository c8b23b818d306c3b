using System.Collections.Concurrent;
using ImtBot.Core.Ports;
using ImtBot.Storage.Documents;
using LiteDB;

namespace ImtBot.Storage.Writer;

/// <summary>
/// The inbox's dedupe keys in memory, over a durable inbox log whose documents are numbered in commit order.
/// <para>
/// Why: inbox keys are Slack trigger and event ids, Teams activity ids — random strings. As LiteDB <c>_id</c>s every
/// insert and lookup landed on a different page of the skip list: ~50 µs per insert against ~5 µs for keys in order,
/// the largest single cost of a durable declaration on the writer. Now the document's <c>_id</c> is a sequence
/// number (appended at the end of the index), the key is a field, and the writer dedupes against this index.
/// </para>
/// <para>
/// What is kept: every key committed in the last <see cref="StorageOptions.InboxWindow"/> of the store's running time
/// (time the process was down does not count, so a step re-run after a long outage is still recognised). Platforms
/// redeliver within minutes (Slack retries up to 3 times in ~5 min; Bot Framework likewise), and the dispatcher
/// re-runs a timer step within its lease after a restart.
/// </para>
/// <para>
/// Consistency: the writer adds keys tentatively inside its transaction and makes them visible only once LiteDB has
/// committed it (<see cref="Commit"/>), or drops them when it rolls back (<see cref="Rollback"/>). After the engine
/// is reopened (an I/O fault, a failed log fsync) the index is rebuilt from the file, so it never claims a key the
/// file lost; until then readers get no early answer (the writer's check still decides).
/// </para>
/// </summary>
internal sealed class InboxIndex(TimeSpan window)
{
    private readonly ConcurrentDictionary<string, InboxReply> _committed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, InboxReply> _tentative = new(StringComparer.Ordinal);
    private readonly List<(string Key, long At)> _tentativeOrder = [];
    private readonly Queue<(string Key, long Expires)> _expiry = new();
    private long _generation = -1;
    private long _lastId;

    /// <summary>The reply (and whether it accepted) recorded for a committed key, for readers; null when unseen or while the index is rebuilt.</summary>
    public InboxReply? FindCommitted(string key, long generation) =>
        Interlocked.Read(ref _generation) == generation && _committed.TryGetValue(key, out var reply) ? reply : null;

    /// <summary>Rebuilds the index from the file of the engine just opened (<paramref name="generation"/>), before it is handed out.</summary>
    public void Load(LiteDatabase db, long generation, DateTimeOffset now)
    {
        Load(db, now);
        Interlocked.Exchange(ref _generation, generation);
    }

    /// <summary>Writer thread: the reply of a key committed or added in the open transaction, or null.</summary>
    public InboxReply? Find(string key) =>
        _tentative.TryGetValue(key, out var reply) || _committed.TryGetValue(key, out reply) ? reply : null;

    /// <summary>Writer thread: records a key in the open transaction; returns the inbox document's number.</summary>
    public long Add(string key, InboxReply reply, DateTimeOffset at)
    {
        _tentative[key] = reply;
        _tentativeOrder.Add((key, at.UtcTicks));
        return ++_lastId;
    }

    /// <summary>Writer thread: the transaction committed; its keys become visible, and keys past the window are forgotten.</summary>
    public void Commit(DateTimeOffset now)
    {
        foreach (var (key, at) in _tentativeOrder)
        {
            _committed[key] = _tentative[key];
            _expiry.Enqueue((key, at + window.Ticks));
        }

        _tentative.Clear();
        _tentativeOrder.Clear();
        while (_expiry.TryPeek(out var oldest) && oldest.Expires < now.UtcTicks)
        {
            _committed.TryRemove(_expiry.Dequeue().Key, out _);
        }
    }

    /// <summary>Writer thread: the transaction rolled back; its keys were never stored.</summary>
    public void Rollback()
    {
        _tentative.Clear();
        _tentativeOrder.Clear();
    }

    /// <summary>The inbox document's reply; documents written before <c>accepted</c> was stored were accepted replies.</summary>
    public static InboxReply Read(BsonDocument d) => new(d["reply"].AsString, !d.TryGetValue("accepted", out var a) || !a.IsBoolean || a.AsBoolean);

    private void Load(LiteDatabase db, DateTimeOffset now)
    {
        _committed.Clear();
        _expiry.Clear();
        Rollback();
        var newestFirst = db.GetCollection(Collections.Inbox).Find(Query.All("_id", Query.Descending));
        var recent = new List<(string Key, InboxReply Reply, long At)>();
        long? newest = null;
        foreach (var d in newestFirst)
        {
            var at = d["at"].AsInt64;
            if (newest is null)
            {
                newest = at;
                _lastId = d["_id"].AsInt64;
            }

            if (at < newest - window.Ticks)
            {
                break;
            }

            recent.Add((d["key"].AsString, Read(d), at));
        }

        if (newest is null)
        {
            _lastId = 0;
            return;
        }

        // Downtime does not count against the window: age every key as if the store had run until now.
        var downtime = Math.Max(0, now.UtcTicks - newest.Value);
        for (var i = recent.Count - 1; i >= 0; i--)
        {
            var (key, reply, at) = recent[i];
            _committed[key] = reply;
            _expiry.Enqueue((key, at + downtime + window.Ticks));
        }
    }
}
