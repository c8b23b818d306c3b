namespace ImtBot.Storage;

/// <summary>
/// What the writer has done since open: batches (transactions sharing one checkpoint or log fsync), items, and the
/// time spent applying them and making them durable (checkpoints, or log fsyncs). Items / Batches is the group-commit
/// factor.
/// </summary>
public sealed record WriterStatistics(long Batches, long Items, TimeSpan Applying, TimeSpan Checkpointing);
