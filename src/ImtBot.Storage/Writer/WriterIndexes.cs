using LiteDB;

namespace ImtBot.Storage.Writer;

/// <summary>
/// What the writer keeps in memory beside the file — the inbox's dedupe keys and every incident's version and head —
/// changed inside a transaction, made the stored state when LiteDB commits it, dropped when it rolls back, and
/// rebuilt from the file whenever the engine is (re)opened.
/// </summary>
internal sealed class WriterIndexes(TimeSpan inboxWindow)
{
    public InboxIndex Inbox { get; } = new(inboxWindow);

    public IncidentHeads Heads { get; } = new();

    /// <summary>Rebuilds both from the engine just opened, before it is handed out (every open, reopens included).</summary>
    public void Load(LiteDatabase db, long generation, DateTimeOffset now)
    {
        Heads.Load(db);
        Inbox.Load(db, generation, now);
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
