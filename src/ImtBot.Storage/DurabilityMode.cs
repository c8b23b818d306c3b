namespace ImtBot.Storage;

/// <summary>What the writer does before it acknowledges a group of commits (LiteDB 5.0.21 itself never fsyncs on commit).</summary>
public enum DurabilityMode
{
    /// <summary>
    /// <c>Checkpoint()</c>: copies the log into the data file, fsyncs it and empties the log. Survives power loss.
    /// Costs the most: LiteDB drops its page cache at every checkpoint.
    /// </summary>
    Checkpoint,

    /// <summary>
    /// fsync the write-ahead log (<c>x-log.db</c>) that holds the committed transactions, through a handle of our own
    /// (what LiteDB 6's <c>DurableCommits</c> does). Survives power loss: on open LiteDB replays confirmed log
    /// transactions. LiteDB still checkpoints by itself every 1,000 log pages and on dispose. Falls back to
    /// <see cref="Checkpoint"/> where the log cannot be fsynced through a second handle.
    /// </summary>
    SyncLog,

    /// <summary>No fsync: survives a killed process, not a power loss. For measurement only.</summary>
    None,
}
