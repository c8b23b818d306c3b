using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Npgsql;

namespace ImtBot.Storage.Postgres;

/// <summary>
/// The host's collections on PostgreSQL: one <c>documents</c> table of jsonb documents keyed by (collection, id), so
/// the host's code is the same on both engines. A write takes a transaction-scoped advisory lock on its collection
/// first: writes to one collection run one at a time across every instance, as they do on the LiteDB store's single
/// writer (the admin audit's hash chain and the console's message numbers rely on it).
/// </summary>
internal sealed class PostgresDocumentDatabase(NpgsqlDataSource source, Action throwIfClosed) : IDocumentDatabase
{
    /// <summary>The incident store's own tables, refused as collection names (the same names as the LiteDB store's).</summary>
    private static readonly string[] StoreCollections = ["inbox", "incidents", "events", "outbox", "links", "settings"];

    public IDocumentCollection<T> Collection<T>(string name)
        where T : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (StoreCollections.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The collection \"{name}\" belongs to the incident store; keep host documents in a collection of their own.", nameof(name));
        }

        return new DocumentSet<T>(name, source, throwIfClosed);
    }

    private sealed class DocumentSet<T>(string name, NpgsqlDataSource source, Action throwIfClosed) : IDocumentCollection<T>
        where T : class
    {
        private static readonly PropertyInfo IdProperty = typeof(T).GetProperty("Id")
            ?? throw new ArgumentException($"{typeof(T).Name} needs an Id property to be kept as a document.");

        private static readonly bool NumericId = IdProperty.PropertyType == typeof(long) || IdProperty.PropertyType == typeof(int);

        public string Name { get; } = name;

        public T? FindById(object id) => Read(c => Find(c, null, id));

        public IReadOnlyList<T> FindAll() => Read(c => Query(c, null, "SELECT doc FROM documents WHERE collection = @c ORDER BY num, id", []));

        public IReadOnlyList<T> FindWhere(string field, object value) => Read(c => Where(c, null, field, value));

        public async Task EnsureIndexAsync(string field, CancellationToken cancellationToken = default)
        {
            if (!field.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_'))
            {
                throw new ArgumentException($"Index only plain field names, not '{field}'.", nameof(field));
            }

            throwIfClosed();
            var index = $"documents_{Name}_{field}".ToLowerInvariant();
            try
            {
                await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var command = new NpgsqlCommand(
                    $"CREATE INDEX IF NOT EXISTS \"{index}\" ON documents ((doc ->> '{field}')) WHERE collection = '{Name.Replace("'", "''", StringComparison.Ordinal)}'",
                    connection);
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
            {
                // Another instance created it at the same moment.
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                throw Unavailable(e);
            }
        }

        public async Task<TResult> WriteAsync<TResult>(Func<IDocumentWriter<T>, TResult> work, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(work);
            throwIfClosed();
            try
            {
                await using var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('imtbot-documents:' || @c))", connection, transaction))
                {
                    take.Parameters.AddWithValue("c", Name);
                    await take.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                var result = work(new Writer(this, connection, transaction));
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                throw Unavailable(e);
            }
        }

        private TResult Read<TResult>(Func<NpgsqlConnection, TResult> query)
        {
            throwIfClosed();
            try
            {
                using var connection = source.OpenConnection();
                return query(connection);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                throw Unavailable(e);
            }
        }

        /// <summary>The server cannot be reached (down, restarting, a cut connection): the same exception as the LiteDB store's while it is faulted.</summary>
        private static StorageUnavailableException Unavailable(Exception e) => new($"PostgreSQL failed: {e.Message}", e);

        private List<T> Where(NpgsqlConnection connection, NpgsqlTransaction? transaction, string field, object value) => Query(
            connection,
            transaction,
            "SELECT doc FROM documents WHERE collection = @c AND doc ->> @field = @value ORDER BY num, id",
            [("field", field), ("value", Text(value))]);

        private T? Find(NpgsqlConnection connection, NpgsqlTransaction? transaction, object id) =>
            Query(connection, transaction, "SELECT doc FROM documents WHERE collection = @c AND id = @id", [("id", Text(id))]).FirstOrDefault();

        private List<T> Query(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, (string Name, object Value)[] parameters)
        {
            using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("c", Name);
            foreach (var (parameter, value) in parameters)
            {
                command.Parameters.AddWithValue(parameter, value);
            }

            using var reader = command.ExecuteReader();
            var found = new List<T>();
            while (reader.Read())
            {
                found.Add(JsonSerializer.Deserialize<T>(reader.GetString(0))!);
            }

            return found;
        }

        private static string Text(object value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

        private static object IdOf(T document) => IdProperty.GetValue(document) ?? throw new ArgumentException($"{typeof(T).Name}.Id must be set.");

        private static long? NumberOf(T document) => NumericId ? Convert.ToInt64(IdOf(document), CultureInfo.InvariantCulture) : null;

        private sealed class Writer(DocumentSet<T> collection, NpgsqlConnection connection, NpgsqlTransaction transaction) : IDocumentWriter<T>
        {
            public T? FindById(object id) => collection.Find(connection, transaction, id);

            public IReadOnlyList<T> FindWhere(string field, object value) => collection.Where(connection, transaction, field, value);

            public T? Last() => collection.Query(
                connection,
                transaction,
                "SELECT doc FROM documents WHERE collection = @c ORDER BY num DESC NULLS LAST, id DESC LIMIT 1",
                []).FirstOrDefault();

            public void Insert(T document)
            {
                if (NumericId && NumberOf(document) == 0)
                {
                    // The next number, as LiteDB's auto-id gives it; the collection's advisory lock makes it unique.
                    using var next = new NpgsqlCommand("SELECT coalesce(max(num), 0) + 1 FROM documents WHERE collection = @c", connection, transaction);
                    next.Parameters.AddWithValue("c", collection.Name);
                    var number = (long)next.ExecuteScalar()!;
                    IdProperty.SetValue(document, IdProperty.PropertyType == typeof(int) ? checked((int)number) : number);
                }

                if (Write("INSERT INTO documents (collection, id, num, doc) VALUES (@c, @id, @num, @doc::jsonb) ON CONFLICT (collection, id) DO NOTHING", document) == 0)
                {
                    throw new InvalidOperationException($"The collection \"{collection.Name}\" already holds a document with id {Text(IdOf(document))}.");
                }
            }

            public void Upsert(T document) =>
                Write("INSERT INTO documents (collection, id, num, doc) VALUES (@c, @id, @num, @doc::jsonb) ON CONFLICT (collection, id) DO UPDATE SET doc = excluded.doc", document);

            public bool Update(T document) =>
                Write("UPDATE documents SET doc = @doc::jsonb WHERE collection = @c AND id = @id AND @num::bigint IS NOT DISTINCT FROM num", document) == 1;

            public int Count()
            {
                using var command = new NpgsqlCommand("SELECT count(*) FROM documents WHERE collection = @c", connection, transaction);
                command.Parameters.AddWithValue("c", collection.Name);
                return checked((int)(long)command.ExecuteScalar()!);
            }

            private int Write(string sql, T document)
            {
                using var command = new NpgsqlCommand(sql, connection, transaction);
                command.Parameters.AddWithValue("c", collection.Name);
                command.Parameters.AddWithValue("id", Text(IdOf(document)));
                command.Parameters.AddWithValue("num", (object?)NumberOf(document) ?? DBNull.Value);
                command.Parameters.AddWithValue("doc", JsonSerializer.Serialize(document));
                return command.ExecuteNonQuery();
            }
        }
    }
}
