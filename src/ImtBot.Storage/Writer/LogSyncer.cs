using System.Threading.Channels;
using Microsoft.Win32.SafeHandles;

namespace ImtBot.Storage.Writer;

/// <summary>
/// Pipelined group commit for <see cref="DurabilityMode.SyncLog"/>: the writer hands over batches it has committed to
/// the log and goes on applying the next ones, while this thread fsyncs the log (one fsync for every batch waiting)
/// and only then completes their tasks. fsync flushes the file whichever descriptor wrote it, and LiteDB 5.0.21 writes
/// every committed page straight to the OS, so a read handle of our own is enough.
/// </summary>
internal sealed class LogSyncer : IDisposable
{
    private readonly Channel<(List<WorkItem> Items, long Generation, long Batch)> _queue =
        Channel.CreateUnbounded<(List<WorkItem>, long, long)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    private readonly DatabaseHost _host;
    private readonly string _logPath;
    private readonly Thread _thread;
    private readonly List<(List<WorkItem> Items, long Generation, long Batch)> _pending = [];
    private SafeFileHandle? _handle;
    private long _handleGeneration = -1;
    private Exception? _fault;
    private long _syncs;
    private long _syncTicks;

    public LogSyncer(DatabaseHost host)
    {
        _host = host;
        _logPath = LogPathOf(host.Path);
        _thread = new Thread(Loop) { IsBackground = true, Name = "ImtBot.Storage log sync" };
        _thread.Start();
    }

    /// <summary>Windows cannot flush through a read handle and LiteDB does not share writing: checkpoint there instead.</summary>
    public static bool Supported => !OperatingSystem.IsWindows();

    public long Syncs => Interlocked.Read(ref _syncs);

    public long SyncTicks => Interlocked.Read(ref _syncTicks);

    /// <summary>LiteDB's log beside <c>x.db</c> is <c>x-log.db</c>.</summary>
    public static string LogPathOf(string databasePath) => Path.Combine(
        Path.GetDirectoryName(databasePath)!,
        Path.GetFileNameWithoutExtension(databasePath) + "-log" + Path.GetExtension(databasePath));

    /// <summary>A failed fsync, once: the writer then drops the engine (its log may not be durable) and reopens.</summary>
    public Exception? TakeFault() => Interlocked.Exchange(ref _fault, null);

    public void Enqueue(List<WorkItem> items, long generation, long batch) => _queue.Writer.TryWrite((items, generation, batch));

    public void Dispose()
    {
        _queue.Writer.TryComplete();
        _thread.Join();
        _handle?.Dispose();
    }

    private void Loop()
    {
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            _pending.Clear();
            while (reader.TryRead(out var next))
            {
                _pending.Add(next);
            }

            var generation = _host.Generation;
            Exception? failure = null;
            try
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                Sync(generation);
                Interlocked.Add(ref _syncTicks, System.Diagnostics.Stopwatch.GetTimestamp() - started);
                Interlocked.Increment(ref _syncs);
            }
            catch (Exception e)
            {
                failure = e;
                Interlocked.Exchange(ref _fault, e);
                foreach (var (_, _, batch) in _pending)
                {
                    _host.Writes.Failed(batch, e);
                }
            }

            foreach (var (items, itemsGeneration, batch) in _pending)
            {
                if (failure is null && itemsGeneration == generation)
                {
                    StoreWriter.Succeeded(_host, batch, items);
                    StoreWriter.Complete(items);
                    continue;
                }

                // Committed to a log that was not made durable (or belonged to an engine dropped since): not acknowledged.
                var error = new StorageUnavailableException(
                    $"The write was not made durable and is not acknowledged: {failure?.Message ?? "the database was reopened after a fault"}", failure);
                foreach (var item in items)
                {
                    item.Fail(item.Error ?? error);
                }
            }
        }
    }

    private void Sync(long generation)
    {
        if (_handle is null || _handleGeneration != generation)
        {
            _handle?.Dispose();
            _handle = null;
            if (!File.Exists(_logPath))
            {
                // No log: nothing was committed since the last checkpoint, which fsynced the data file.
                return;
            }

            _handle = File.OpenHandle(_logPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            _handleGeneration = generation;
        }

        RandomAccess.FlushToDisk(_handle);
    }
}
