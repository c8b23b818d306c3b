using System.Threading.Channels;
using LiteDB;

namespace ImtBot.Storage.Writer;

/// <summary>
/// The single writer: one dedicated thread drains a channel of work items. Items that arrive together are applied in
/// one synchronous LiteDB transaction (no await inside) and share one checkpoint (fsync) before any of them completes:
/// group commit. If the shared transaction fails, it is rolled back and the items are re-run one transaction each,
/// so a failing item never takes the others down.
/// </summary>
internal sealed class StoreWriter : IDisposable
{
    private readonly Channel<WorkItem> _queue = Channel.CreateUnbounded<WorkItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly DatabaseHost _host;
    private readonly FaultInjector _faults;
    private readonly int _maxBatch;
    private readonly bool _checkpoint;
    private readonly Thread _thread;
    private readonly List<WorkItem> _batch = [];

    public StoreWriter(DatabaseHost host, FaultInjector faults, int maxBatch, bool checkpoint)
    {
        _host = host;
        _faults = faults;
        _maxBatch = maxBatch;
        _checkpoint = checkpoint;
        _thread = new Thread(Loop) { IsBackground = true, Name = "ImtBot.Storage writer" };
        _thread.Start();
    }

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

    /// <summary>Stops taking work, lets the writer finish what is queued, and waits for it.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _thread.Join();
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
        try
        {
            var db = _host.Acquire();
            if (!TryRunTogether(db, batch))
            {
                RunOneByOne(db, batch);
            }

            foreach (var item in batch)
            {
                _faults.Hit(FaultPoint.BeforeCheckpoint, item.Request);
            }

            if (_checkpoint)
            {
                db.Checkpoint();
            }
        }
        catch (Exception e)
        {
            if (IsIoFault(e))
            {
                _host.Fault(e);
            }

            var fault = e as StorageUnavailableException
                ?? new StorageUnavailableException($"The write was not made durable and is not acknowledged: {e.Message}", e);
            foreach (var item in batch)
            {
                item.Fail(item.Error ?? fault);
            }

            return;
        }

        foreach (var item in batch)
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
            return true;
        }
        catch (Exception e) when (!IsIoFault(e))
        {
            db.Rollback();
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
            }
            catch (Exception e) when (!IsIoFault(e))
            {
                db.Rollback();
                item.Error = e;
            }
        }
    }

    /// <summary>An I/O failure closes LiteDB 5.0.21's engine permanently (it rethrows the same fault on every call).</summary>
    internal static bool IsIoFault(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is IOException or ObjectDisposedException or UnauthorizedAccessException)
            {
                return true;
            }
        }

        return false;
    }
}
