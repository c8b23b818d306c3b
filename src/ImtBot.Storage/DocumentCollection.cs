using ImtBot.Storage.Writer;
using LiteDB;

namespace ImtBot.Storage;

/// <summary>One host collection of <see cref="LiteDocumentDatabase"/>: reads from committed data, writes through the single writer.</summary>
public sealed class DocumentCollection<T>
{
    private readonly DatabaseHost _host;
    private readonly StoreWriter _writer;

    internal DocumentCollection(string name, DatabaseHost host, StoreWriter writer)
    {
        Name = name;
        _host = host;
        _writer = writer;
    }

    public string Name { get; }

    /// <summary>
    /// Reads on the caller's thread (a snapshot of committed data). Do not write here. Throws
    /// <see cref="StorageUnavailableException"/> while an I/O fault has closed the database.
    /// </summary>
    public TResult Read<TResult>(Func<ILiteCollection<T>, TResult> query)
    {
        ArgumentNullException.ThrowIfNull(query);

        // Asked for each read: the engine is replaced when the store recovers from an I/O fault.
        return query(_host.Current.GetCollection<T>(Name));
    }

    /// <summary>
    /// Runs <paramref name="work"/> on the writer thread, inside a transaction, and completes once it is durable. The
    /// work may be re-run alone if the batch it shared a transaction with rolls back: touch only this collection, and
    /// never await inside it. If it throws, only this write fails (its transaction is rolled back).
    /// </summary>
    public Task<TResult> WriteAsync<TResult>(Func<ILiteCollection<T>, TResult> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return _writer.Enqueue(db => work(db.GetCollection<T>(Name)), null, exclusive: false, cancellationToken);
    }
}
