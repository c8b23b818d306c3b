using ImtBot.Storage.Documents;
using ImtBot.Storage.Integrity;
using LiteDB;

namespace ImtBot.Storage.Writer;

/// <summary>
/// Owns the one <see cref="LiteDatabase"/> of the process and the store's health. An I/O fault closes LiteDB 5.0.21's
/// engine for good (every later call rethrows it), so <see cref="Fault"/> drops the instance and
/// <see cref="Acquire"/> (on the writer thread) opens a new one on the next attempt.
/// </summary>
/// <param name="opened">Runs on every (re)open, with the new generation, before the engine is handed out (the store
/// rebuilds its in-memory inbox index from the file there).</param>
internal sealed class DatabaseHost(string path, int verifyDepth, Action<LiteDatabase, long>? opened = null) : IDisposable
{
    private readonly Lock _gate = new();
    private volatile LiteDatabase? _db;
    private long _generation;
    private volatile StoreHealth _health = StoreHealth.NotReady("not opened yet");

    /// <summary>Open, verified, and the latest write batch succeeded (a reopened engine reads fine on a full disk).</summary>
    public StoreHealth Health => _health is { Ready: true } && Writes.Failure is { } failure
        ? StoreHealth.NotReady($"the last write failed: {failure}")
        : _health;

    /// <summary>The outcome of the latest write batch, recorded by the writer and the log sync.</summary>
    public WriteOutcomes Writes { get; } = new();

    public string Path { get; } = path;

    /// <summary>The open database for readers, or a <see cref="StorageUnavailableException"/> while faulted.</summary>
    public LiteDatabase Current => _db ?? throw new StorageUnavailableException($"The incident store is unavailable: {_health.Reason}");

    /// <summary>The open database, reopening it after a fault (writer thread and start-up only).</summary>
    public LiteDatabase Acquire()
    {
        if (_db is { } db)
        {
            return db;
        }

        lock (_gate)
        {
            if (_db is null)
            {
                try
                {
                    Open();
                }
                catch (Exception e)
                {
                    _health = StoreHealth.NotReady($"cannot open {Path}: {e.Message}");
                    throw new StorageUnavailableException($"The incident store cannot open {Path}: {e.Message}", e);
                }
            }

            return _db!;
        }
    }

    /// <summary>Counts the engines opened: a log fsync only acknowledges commits made on the engine it synced.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>Records an I/O fault: not ready, and the engine is disposed so the next attempt recreates it.</summary>
    public void Fault(Exception error)
    {
        lock (_gate)
        {
            _health = StoreHealth.NotReady($"storage fault: {error.Message}");
            var db = _db;
            _db = null;
            try
            {
                db?.Dispose();
            }
            catch (Exception)
            {
                // The engine is already closed by the fault; nothing more can be released here.
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            var db = _db;
            _db = null;
            _health = StoreHealth.NotReady("the store is closed");
            db?.Dispose();
        }
    }

    /// <summary>
    /// Direct mode, and an ordinal collation for new files: LiteDB's default (current culture, ignore case) would make
    /// inbox and step keys that differ only by case collide.
    /// </summary>
    public static ConnectionString ConnectionStringFor(string path) => new()
    {
        Filename = path,
        Connection = ConnectionType.Direct,
        Collation = new Collation(System.Globalization.CultureInfo.InvariantCulture.LCID, System.Globalization.CompareOptions.Ordinal),
    };

    private void Open()
    {
        var db = new LiteDatabase(ConnectionStringFor(Path));
        try
        {
            Prepare(db);
            var problems = ChainAudit.VerifyOpenIncidentTails(db, verifyDepth);
            var generation = Interlocked.Increment(ref _generation);
            opened?.Invoke(db, generation);
            _db = db;
            _health = problems.Count == 0 ? StoreHealth.Healthy : StoreHealth.NotReady("hash chain broken: " + string.Join("; ", problems));
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Indexes (unique ones are the <c>_id</c>s: inbox number, step group id, incident number), pre-warmed collections,
    /// and the migrations of inbox and outbox files from before numbered inbox documents and step groups.
    /// </summary>
    private static void Prepare(LiteDatabase db)
    {
        foreach (var name in Collections.All)
        {
            db.GetCollection(name);
        }

        MigrateInbox(db);
        var incidents = db.GetCollection(Collections.Incidents);
        if (incidents.EnsureIndex(SnapshotDocument.Live, "$." + SnapshotDocument.Live))
        {
            BackfillLive(incidents);
        }

        incidents.DropIndex("open");
        incidents.EnsureIndex("declaredAt", "$.declaredAt");
        var outbox = db.GetCollection(Collections.Outbox);

        // Superseded by "wake": leasing by status + dueAt read every pending step, timers due later included. The
        // status index only served listings (pending and in-flight steps are the wake index's non-null entries)
        // and cost every step insert, lease and completion a node: ~15 % of the writer on the declare path.
        outbox.DropIndex("dueAt");
        outbox.DropIndex("status");
        MigrateToGroups(db, outbox);
        var newWake = outbox.EnsureIndex(GroupDocument.Wake, "$." + GroupDocument.Wake);
        if (outbox.EnsureIndex(GroupDocument.Urgent, "$." + GroupDocument.Urgent) | newWake)
        {
            BackfillWake(outbox);
        }

        RaiseOrderAboveTheFile(outbox);
        var links = db.GetCollection(Collections.Links);
        links.EnsureIndex("incident", "$.incident");
        links.EnsureIndex("nv", "$.nv");
    }

    /// <summary>
    /// A file written before the inbox was numbered (<c>_id</c> = the dedupe key): renumber its documents in the
    /// order they were written, the key kept as a field, in one transaction (a crash leaves the old layout whole).
    /// </summary>
    private static void MigrateInbox(LiteDatabase db)
    {
        var inbox = db.GetCollection(Collections.Inbox);

        // Numbers sort before strings: if the last _id is a number, no keyed document is left.
        var last = inbox.Find(Query.All("_id", Query.Descending), 0, 1).FirstOrDefault();
        if (last is null || !last["_id"].IsString)
        {
            return;
        }

        var keyed = inbox.Find(Filter.GTE("_id", string.Empty)).ToList();
        var next = inbox.Find(Filter.LT("_id", string.Empty)).Select(d => d["_id"].AsInt64).DefaultIfEmpty(0).Max();
        InOneTransaction(db, () =>
        {
            foreach (var old in keyed.OrderBy(d => d["at"].AsInt64).ThenBy(d => d["_id"].AsString, StringComparer.Ordinal))
            {
                inbox.Delete(old["_id"]);
                inbox.Insert(new BsonDocument
                {
                    ["_id"] = ++next,
                    ["key"] = old["_id"].AsString,
                    ["reply"] = old["reply"],
                    ["incident"] = old["incident"],
                    ["at"] = old["at"],
                });
            }
        });
    }

    /// <summary>
    /// A file from before step groups keeps one document per step (<c>_id</c> = step key, a string; group ids are
    /// numbers and sort before every string, so the <c>_id</c> range from "" finds only old steps and costs nothing
    /// once migrated). Each becomes a group of one, keeping its status, attempts, lease and order, in one transaction.
    /// </summary>
    private static void MigrateToGroups(LiteDatabase db, ILiteCollection<BsonDocument> outbox)
    {
        var old = outbox.Find(Filter.GTE("_id", string.Empty)).Where(GroupDocument.IsOldStep).ToList();
        if (old.Count == 0)
        {
            return;
        }

        InOneTransaction(db, () =>
        {
            foreach (var step in old)
            {
                outbox.Insert(GroupDocument.FromOldStep(step));
                outbox.Delete(step["_id"]);
            }
        });
    }

    /// <summary>A migration as one transaction: a crash or a fault leaves the old layout whole.</summary>
    private static void InOneTransaction(LiteDatabase db, Action migrate)
    {
        db.BeginTrans();
        try
        {
            migrate();
            db.Commit();
        }
        catch
        {
            db.Rollback();
            throw;
        }
    }

    /// <summary>A file written before the <c>live</c> index: its open incidents get their number there.</summary>
    private static void BackfillLive(ILiteCollection<BsonDocument> incidents)
    {
        foreach (var d in incidents.Find(Filter.EQ("open", true)).ToList())
        {
            d[SnapshotDocument.Live] = d["_id"];
            incidents.Update(d);
        }
    }

    /// <summary>A file written before the <c>wake</c> or <c>urgent</c> index: give its groups their wake times.</summary>
    private static void BackfillWake(ILiteCollection<BsonDocument> outbox)
    {
        foreach (var d in outbox.FindAll().ToList())
        {
            var (wake, urgent) = (d[GroupDocument.Wake], d[GroupDocument.Urgent]);
            GroupDocument.Refresh(d);
            if (d[GroupDocument.Wake] != wake || d[GroupDocument.Urgent] != urgent)
            {
                outbox.Update(d);
            }
        }
    }

    /// <summary>New groups and steps must come after the file's newest (the clock-seeded counter may be behind it).</summary>
    private static void RaiseOrderAboveTheFile(ILiteCollection<BsonDocument> outbox)
    {
        if (outbox.Find(Query.All("_id", Query.Descending), 0, 1).FirstOrDefault() is { } newest && newest["_id"].IsNumber)
        {
            StepDocument.RaiseAbove(Math.Max(newest["_id"].AsInt64, newest[GroupDocument.Steps].AsArray.Select(s => StepDocument.Order(s.AsDocument)).DefaultIfEmpty(0).Max()));
        }
    }
}
