using ImtBot.Storage.Writer;
using ImtBot.Storage.Documents;
using LiteDB;

namespace ImtBot.Storage;

/// <summary>One host collection of <see cref="LiteDocumentDatabase"/>: reads from committed data, writes through the single writer.</summary>
public sealed class DocumentCollection<T> : IDocumentCollection<T>
    where T : class
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

    public T? FindById(object id) => Read(c => c.FindById(new BsonValue(id)));

    public IReadOnlyList<T> FindAll() => Read(c => c.FindAll().ToList());

    // In id order, as the port promises: through an index LiteDB returns matches in index order, not insertion order.
    public IReadOnlyList<T> FindWhere(string field, object value) => Read(c => c.Query().Where(Filter.EQ(field, new BsonValue(value))).OrderBy("_id").ToList());

    public Task EnsureIndexAsync(string field, CancellationToken cancellationToken = default) =>
        WriteAsync(c => c.EnsureIndex(field), cancellationToken);

    public Task<TResult> WriteAsync<TResult>(Func<IDocumentWriter<T>, TResult> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WriteAsync(c => work(new Writer(c)), cancellationToken);
    }

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

    private sealed class Writer(ILiteCollection<T> collection) : IDocumentWriter<T>
    {
        public T? FindById(object id) => collection.FindById(new BsonValue(id));

        public IReadOnlyList<T> FindWhere(string field, object value) => collection.Query().Where(Filter.EQ(field, new BsonValue(value))).OrderBy("_id").ToList();

        public T? Last() => collection.FindOne(Query.All("_id", Query.Descending));

        public void Insert(T document) => collection.Insert(document);

        public void Upsert(T document) => collection.Upsert(document);

        public bool Update(T document) => collection.Update(document);

        public int Count() => collection.Count();
    }
}
