namespace ImtBot.Storage;

/// <summary>
/// The host's own collections of documents, kept in the incident store's database (a LiteDB file, or a PostgreSQL
/// table of jsonb documents). The store's own collections are not reachable from here, so host code cannot bypass the
/// hash chain, the inbox or the outbox.
/// </summary>
public interface IDocumentDatabase
{
    /// <summary>
    /// The collection <paramref name="name"/> of <typeparamref name="T"/> documents, identified by their <c>Id</c>
    /// property (a string, or a number that an insert with 0 fills in). Call at start-up, before concurrent use.
    /// </summary>
    /// <exception cref="ArgumentException">The name is one of the incident store's collections.</exception>
    IDocumentCollection<T> Collection<T>(string name)
        where T : class;
}

/// <summary>One host collection: reads see committed data; writes run one at a time per collection and are durable when they complete.</summary>
public interface IDocumentCollection<T>
    where T : class
{
    string Name { get; }

    T? FindById(object id);

    /// <summary>Every document, in id order.</summary>
    IReadOnlyList<T> FindAll();

    /// <summary>The documents whose <paramref name="field"/> equals <paramref name="value"/>, in id order (index the field with <see cref="EnsureIndexAsync"/>).</summary>
    IReadOnlyList<T> FindWhere(string field, object value);

    Task EnsureIndexAsync(string field, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs <paramref name="work"/> alone against this collection (no other write to it runs meanwhile, in any
    /// process) inside a transaction, and completes once it is durable. Never await inside it. If it throws, only this
    /// write fails and nothing of it is kept.
    /// </summary>
    Task<TResult> WriteAsync<TResult>(Func<IDocumentWriter<T>, TResult> work, CancellationToken cancellationToken = default);
}

/// <summary>What a write may do to its collection, inside its transaction.</summary>
public interface IDocumentWriter<T>
    where T : class
{
    T? FindById(object id);

    /// <summary>The documents whose <paramref name="field"/> equals <paramref name="value"/>, in id order, as this write sees them.</summary>
    IReadOnlyList<T> FindWhere(string field, object value);

    /// <summary>The document with the highest id, or null when there is none.</summary>
    T? Last();

    /// <summary>Inserts a new document; a numeric <c>Id</c> of 0 becomes the next number (and is set on it).</summary>
    void Insert(T document);

    void Upsert(T document);

    /// <summary>Replaces the stored document with the same id; false when there is none.</summary>
    bool Update(T document);

    int Count();
}
