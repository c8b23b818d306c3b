using ImtBot.Storage.Documents;
using ImtBot.Storage.Writer;

namespace ImtBot.Storage;

/// <summary>
/// The host's own collections (the console's channels and messages) in the incident store's database file: read on
/// the caller's thread from committed data, written on the store's single writer, inside its transactions and durable
/// (checkpointed or log-synced) before a write completes, exactly like a commit. The store's own collections are not
/// reachable from here, so host code cannot bypass the hash chain, the inbox or the outbox.
/// </summary>
public sealed class LiteDocumentDatabase : IDocumentDatabase
{
    private readonly DatabaseHost _host;
    private readonly StoreWriter _writer;

    /// <summary>Shares <paramref name="store"/>'s file, writer and lifetime: the store opens them and disposes them.</summary>
    public LiteDocumentDatabase(LiteIncidentStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _host = store.Host;
        _writer = store.Writer;
    }

    /// <summary>
    /// The collection <paramref name="name"/> of <typeparamref name="T"/> documents. Call at start-up, before
    /// concurrent use: it builds <typeparamref name="T"/>'s mapper now, as LiteDB 5.0.21's BsonMapper has first-use races.
    /// </summary>
    /// <exception cref="ArgumentException">The name is one of the incident store's collections.</exception>
    public DocumentCollection<T> Collection<T>(string name)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (Collections.All.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The collection \"{name}\" belongs to the incident store; keep host documents in a collection of their own.", nameof(name));
        }

        // Creating a typed collection builds T's entity mapper (the mapper is global, so it outlives an engine reopen).
        _host.Current.GetCollection<T>(name);
        return new DocumentCollection<T>(name, _host, _writer);
    }

    IDocumentCollection<T> IDocumentDatabase.Collection<T>(string name) => Collection<T>(name);
}
