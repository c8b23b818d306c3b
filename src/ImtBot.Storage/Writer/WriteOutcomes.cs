namespace ImtBot.Storage.Writer;

/// <summary>
/// Whether the writer's latest write batch failed (docs/reliability.md §Durability). An engine reopened after an I/O
/// fault can read perfectly well while every write still fails (a full disk): readiness must say so until a write
/// succeeds again. Batches are numbered in the order the writer applied them; a success clears only a failure of an
/// earlier batch, so the log-sync thread completing an older batch late never hides a newer failure.
/// </summary>
internal sealed class WriteOutcomes
{
    private readonly Lock _gate = new();
    private long _failedBatch = -1;
    private string? _failure;

    /// <summary>Why the latest write failed, or null when it succeeded (or nothing has failed).</summary>
    public string? Failure
    {
        get
        {
            lock (_gate)
            {
                return _failure;
            }
        }
    }

    public void Failed(long batch, Exception error)
    {
        lock (_gate)
        {
            if (batch >= _failedBatch)
            {
                _failedBatch = batch;
                _failure = error.Message;
            }
        }
    }

    public void Succeeded(long batch)
    {
        lock (_gate)
        {
            if (batch > _failedBatch)
            {
                _failure = null;
            }
        }
    }
}
