namespace ImtBot.Storage.Writer;

/// <summary>Named points inside the writer where tests inject a fault (docs/reliability.md §Fault injection).</summary>
internal enum FaultPoint
{
    /// <summary>A commit's inbox key is inserted (its transaction is open).</summary>
    AfterInbox,

    /// <summary>A commit's events are inserted.</summary>
    AfterEvents,

    /// <summary>A commit's snapshot is written.</summary>
    AfterSnapshot,

    /// <summary>A commit's outbox steps are inserted.</summary>
    AfterSteps,

    /// <summary>Every item of the transaction is applied; <c>Commit</c> is next.</summary>
    BeforeCommit,

    /// <summary>The transaction is committed to the log but not yet checkpointed (not fsynced, not acknowledged).</summary>
    BeforeCheckpoint,
}
