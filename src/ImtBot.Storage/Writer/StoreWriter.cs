using System.Diagnostics;
using System.Threading.Channels;
using LiteDB;

namespace ImtBot.Storage.Writer;

/// <summary>
/// The single writer: one dedicated thread drains a channel of work items. Items that arrive together are applied in
/// one synchronous LiteDB transaction (no await inside) and share one checkpoint or log fsync before any of them
/// completes: group commit. If the shared transaction fails, it is rolled back and the items are re-run one
/// transaction each, so a failing item never takes the others down.
/// </summary>
internal sealed class StoreWriter : IDisposable
{
    private readonly Channel<WorkItem> _queue = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly DatabaseHost _host;
    private readonly FaultInjector _faults;
    private readonly WriterIndexes _indexes;
    private readonly Func<DateTimeOffset> _now;
    private readonly int _maxBatch;
    private readonly DurabilityMode _durability;
    private readonly LogSyncer? _syncer;
    private readonly Thread _thread;
    private readonly List<WorkItem> _batch = [];
    private long _batches;
    private long _items;
    private long _applyTicks;
    private long _checkpointTicks;
    private long _batchNumber;

    public StoreWriter(DatabaseHost host, FaultInjector faults, WriterIndexes indexes, Func<DateTimeOffset> now, int maxBatch, DurabilityMode durability)
    {
        _host = host;
        _faults = faults;
        _indexes = indexes;
        _now = now;
        _maxBatch = maxBatch;
        _durability = durability == DurabilityMode.SyncLog && !LogSyncer.Supported ? DurabilityMode.Checkpoint : durability;
        _syncer = _durability == DurabilityMode.SyncLog ? new LogSyncer(host) : null;
        _thread = new Thread(Loop) { IsBackground = true, Name = "ImtBot.Storage writer" };
        _thread.Start();
    }

    public WriterStatistics Statistics => new(
        Interlocked.Read(ref _batches),
        Interlocked.Read(ref _items),
        Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _applyTicks)),
        Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _checkpointTicks) + (_syncer?.SyncTicks ?? 0)));

    public Task<T> Enqueue<T>(Func<LiteDatabase, T> work, Core.Ports.CommitRequest? request, bool exclusive, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var item = new WorkItemOf<T>(work, request, exclusive, cancellationToken);
        if (!_queue.Writer.TryWrite(item))
        {
            throw new ObjectDisposedException(nameof(LiteIncidentStore), "The incident store is closed.");
        }

        return item.Task;
    }

    /// <summary>Stops taking work, lets the writer (and the log sync) finish what is queued, and waits for them.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _thread.Join();
        _syncer?.Dispose();
    }

    /// <summary>Completes applied items: each fails with its own fault or succeeds.</summary>
    internal static void Complete(List<WorkItem> items)
    {
        foreach (var item in items)
        {
            if (item.Error is { } error)
            {
                item.Fail(error);
            }
            else
            {
                item.Succeed();
            }
        }
    }

    /// <summary>A batch made durable counts as a successful write if anything in it was written (not every item failed alone).</summary>
    internal static void Succeeded(DatabaseHost host, long batch, List<WorkItem> items)
    {
        if (items.Exists(i => i.Error is null))
        {
            host.Writes.Succeeded(batch);
        }
    }

    /// <summary>
    /// An I/O failure (or an invalid data file state) closes LiteDB 5.0.21's engine permanently: every later call
    /// rethrows it, or says the engine is disposed. Only a new <see cref="LiteDatabase"/> recovers.
    /// </summary>
    internal static bool IsIoFault(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is IOException or ObjectDisposedException or UnauthorizedAccessException
                || x is LiteException { ErrorCode: LiteException.ENGINE_DISPOSED or LiteException.INVALID_DATAFILE_STATE })
            {
                return true;
            }
        }

        return false;
    }

    private void Loop()
    {
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            _batch.Clear();
            while (_batch.Count < _maxBatch && reader.TryPeek(out var next))
            {
                if (next.Exclusive && _batch.Count > 0)
                {
                    break;
                }

                reader.TryRead(out _);
                if (next.Cancellation.IsCancellationRequested)
                {
                    next.Cancel();
                    continue;
                }

                if (next.Exclusive)
                {
                    RunExclusive(next);
                    break;
                }

                _batch.Add(next);
            }

            if (_batch.Count > 0)
            {
                RunBatch(_batch);
            }
        }
    }

    private void RunExclusive(WorkItem item)
    {
        try
        {
            DropEngineIfSyncFailed();
            item.Run(_host.Acquire());
            item.Succeed();
        }
        catch (Exception e)
        {
            if (IsIoFault(e))
            {
                _host.Fault(e);
            }

            item.Fail(e);
        }
    }

    private void RunBatch(List<WorkItem> batch)
    {
        long generation;
        var number = ++_batchNumber;
        try
        {
            DropEngineIfSyncFailed();
            var db = _host.Acquire();
            generation = _host.Generation;
            var started = Stopwatch.GetTimestamp();
            if (!TryRunTogether(db, batch))
            {
                RunOneByOne(db, batch);
            }

            Interlocked.Add(ref _applyTicks, Stopwatch.GetTimestamp() - started);
            Interlocked.Increment(ref _batches);
            Interlocked.Add(ref _items, batch.Count);
            foreach (var item in batch)
            {
                _faults.Hit(FaultPoint.BeforeCheckpoint, item.Request);
            }

            if (_durability == DurabilityMode.Checkpoint)
            {
                var before = Stopwatch.GetTimestamp();
                db.Checkpoint();
                Interlocked.Add(ref _checkpointTicks, Stopwatch.GetTimestamp() - before);
            }
        }
        catch (Exception e)
        {
            _indexes.Rollback();
            if (IsIoFault(e))
            {
                _host.Fault(e);
            }

            _host.Writes.Failed(number, e);
            var fault = e as StorageUnavailableException
                ?? new StorageUnavailableException($"The write was not made durable and is not acknowledged: {e.Message}", e);
            foreach (var item in batch)
            {
                item.Fail(item.Error ?? fault);
            }

            return;
        }

        if (_syncer is not null)
        {
            _syncer.Enqueue([.. batch], generation, number);
        }
        else
        {
            Succeeded(_host, number, batch);
            Complete(batch);
        }
    }

    /// <summary>A failed log fsync leaves the engine's log in doubt: drop it so the next attempt reopens (and replays) the file.</summary>
    private void DropEngineIfSyncFailed()
    {
        if (_syncer?.TakeFault() is { } fault)
        {
            _host.Fault(fault);
        }
    }

    private bool TryRunTogether(LiteDatabase db, List<WorkItem> batch)
    {
        db.BeginTrans();
        try
        {
            foreach (var item in batch)
            {
                item.Run(db);
            }

            foreach (var item in batch)
            {
                _faults.Hit(FaultPoint.BeforeCommit, item.Request);
            }

            db.Commit();
            _indexes.Commit(_now());
            return true;
        }
        catch (Exception e) when (!IsIoFault(e))
        {
            db.Rollback();
            _indexes.Rollback();
            if (batch.Count == 1)
            {
                batch[0].Error = e;
                return true;
            }

            return false;
        }
    }

    private void RunOneByOne(LiteDatabase db, List<WorkItem> batch)
    {
        foreach (var item in batch)
        {
            db.BeginTrans();
            try
            {
                item.Run(db);
                _faults.Hit(FaultPoint.BeforeCommit, item.Request);
                db.Commit();
                _indexes.Commit(_now());
            }
            catch (Exception e) when (!IsIoFault(e))
            {
                db.Rollback();
                _indexes.Rollback();
                item.Error = e;
            }
        }
    }
}
