using ImtBot.Core.Ports;
using ImtBot.Storage.Locking;
using ImtBot.Storage.Writer;
using LiteDB;

namespace ImtBot.Storage;

/// <summary>
/// The incident store on LiteDB 5.0.21: one database per process guarded by a lock file, one writer thread with
/// group commit, an fsync (a checkpoint, or the log's: <see cref="StorageOptions.Durability"/>) before any write is
/// acknowledged, hash-chained events, inbox, outbox, links and settings. It implements every store port (the log,
/// its queries, the outbox, settings); the host keeps collections of its own in the same file through
/// <see cref="LiteDocumentDatabase"/>, never through this class.
/// Create one at start-up (it throws <see cref="DatabaseLockedException"/> if another process holds the file) and
/// dispose it at shutdown (drains the writer, checkpoints, releases the lock).
/// </summary>
public sealed partial class LiteIncidentStore : IIncidentStore
{
    private readonly TimeProvider _time;
    private readonly DatabaseLock _lock;
    private readonly DatabaseHost _host;
    private readonly StoreWriter _writer;
    private readonly FaultInjector _faults = new();
    private readonly WriterIndexes _indexes;
    private readonly FreeSpace _space;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _settings = new(StringComparer.Ordinal);
    private int _disposed;
    private LiteDocumentDatabase? _documents;

    public LiteIncidentStore(StorageOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        StorageOptionsValidator.ThrowIfInvalid(options);
        _time = time ?? TimeProvider.System;
        var path = System.IO.Path.GetFullPath(options.Path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        _lock = DatabaseLock.Acquire(path);
        _space = new FreeSpace(System.IO.Path.GetDirectoryName(path)!, options.MinFreeBytes);
        _indexes = new WriterIndexes(options.InboxWindow);
        try
        {
            _host = new DatabaseHost(path, options.StartupVerifyDepth, (db, generation) =>
            {
                _indexes.Load(db, generation, Now);
                _settings.Clear();
                _held = null;
            });
            _host.Acquire();
        }
        catch
        {
            _lock.Dispose();
            throw;
        }

        _writer = new StoreWriter(_host, _faults, _indexes, () => Now, options.MaxBatch, options.Durability);
    }

    public StorageProvider Provider => StorageProvider.LiteDB;

    /// <summary>The host's collections in the same file, through the same writer.</summary>
    public IDocumentDatabase Documents => _documents ??= new LiteDocumentDatabase(this);

    /// <summary>The full path of the database file.</summary>
    public string Path => _host.Path;

    /// <summary>
    /// Open, lock held, last links of every open incident verified, no unrecovered I/O fault, the latest write
    /// succeeded, and at least <see cref="StorageOptions.MinFreeBytes"/> free on the disk.
    /// </summary>
    public StoreHealth Health => _host.Health is { Ready: true } && _space.Shortage() is { } shortage ? StoreHealth.NotReady(shortage) : _host.Health;

    public bool IsReady => Health.Ready;

    /// <summary>Group-commit counters since open (for metrics and the benchmark).</summary>
    public WriterStatistics Statistics => _writer.Statistics;

    /// <summary>The store's instruments (commit latency), read by the host's <c>/metrics</c>.</summary>
    public StoreMeters Meters { get; } = new();

    /// <summary>The test-only fault hook (docs/reliability.md §Fault injection): throw from it to fail the writer at that point.</summary>
    internal Action<FaultPoint, CommitRequest?>? FaultHook
    {
        get => _faults.Hook;
        set => _faults.Hook = value;
    }

    /// <summary>
    /// Checks the store through the writer: reopens the database if an I/O fault closed it, then reports health. After a
    /// failed write it writes (one settings document, made durable like any commit): reading works on a full disk, so
    /// only a write that succeeds shows the store can take commands again.
    /// </summary>
    public async Task<StoreHealth> ProbeAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            if (_host.Writes.Failure is null)
            {
                await _writer.Enqueue(db => db.GetCollection(ImtBot.Storage.Documents.Collections.Settings).Count(), null, exclusive: true, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _writer.Enqueue(
                    db => db.GetCollection(ImtBot.Storage.Documents.Collections.Settings).Upsert(new BsonDocument { ["_id"] = ProbeKey, ["value"] = "written by the readiness probe after a failed write", ["at"] = ImtBot.Storage.Documents.Times.ToTicks(Now) }),
                    null,
                    exclusive: false,
                    cancellationToken).ConfigureAwait(false);
            }
        }
        catch (StorageUnavailableException)
        {
            // Health already says why.
        }

        return Health;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Meters.Dispose();

        _writer.Dispose();
        try
        {
            _host.Dispose();
        }
        finally
        {
            _lock.Dispose();
        }
    }

    /// <summary>The database the store owns, lent to <see cref="LiteDocumentDatabase"/> for the host's own collections.</summary>
    internal DatabaseHost Host => _host;

    /// <summary>The single writer, shared with <see cref="LiteDocumentDatabase"/> so the host's writes are ordered and durable alike.</summary>
    internal StoreWriter Writer => _writer;

    /// <summary>The settings key the readiness probe writes after a failed write.</summary>
    internal const string ProbeKey = "storage:probe";

    private DateTimeOffset Now => _time.GetUtcNow();

    private LiteDatabase Db => _host.Current;
}
