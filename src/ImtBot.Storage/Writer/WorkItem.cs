using ImtBot.Core.Ports;
using LiteDB;

namespace ImtBot.Storage.Writer;

/// <summary>
/// One unit of work for the writer thread. Ordinary items run inside a transaction (possibly shared with others
/// of the same batch and re-run alone if the batch rolls back, so the work must only touch the database);
/// exclusive items run alone with no transaction open and the writer paused (backup).
/// </summary>
internal abstract class WorkItem(CommitRequest? request, bool exclusive, CancellationToken cancellation)
{
    public CommitRequest? Request { get; } = request;

    public bool Exclusive { get; } = exclusive;

    public CancellationToken Cancellation { get; } = cancellation;

    /// <summary>The fault of the last run, if it failed (its transaction was rolled back).</summary>
    public Exception? Error { get; set; }

    public abstract void Run(LiteDatabase db);

    public abstract void Succeed();

    public abstract void Fail(Exception error);

    public abstract void Cancel();
}
