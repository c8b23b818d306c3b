using LiteDB;

namespace ImtBot.Storage.Writer;

/// <summary>
/// What the writer keeps in memory beside the file — the inbox's dedupe keys and every incident's version and head —
/// changed inside a transaction, made the stored state when LiteDB commits it, dropped when it rolls back, and
/// rebuilt from the file whenever the engine is (re)opened.
/// </summary>
internal sealed class WriterIndexes(TimeSpan inboxWindow)
{
    private long _generation = -1;

    public InboxIndex Inbox { get; } = new(inboxWindow);

    public IncidentHeads Heads { get; } = new();

    /// <summary>Rebuilds both from the file when the engine was (re)opened since the last load.</summary>
    public void EnsureLoaded(LiteDatabase db, long generation, DateTimeOffset now)
    {
        if (Interlocked.Read(ref _generation) == generation)
        {
            return;
        }

        Heads.Load(db);
        Inbox.EnsureLoaded(db, generation, now);
        Interlocked.Exchange(ref _generation, generation);
    }

    public void Commit(DateTimeOffset now)
    {
        Inbox.Commit(now);
        Heads.Commit();
    }

    public void Rollback()
    {
        Inbox.Rollback();
        Heads.Rollback();
    }
}
