using System.Diagnostics;
using ImtBot.Core.Events;
using ImtBot.Core.Ports;
using Npgsql;

namespace ImtBot.Storage.Postgres;

/// <summary>
/// The incident store on PostgreSQL, shared by several ImtBot instances: every store port with the guarantees of the
/// LiteDB store, enforced by the database instead of one process's writer. A commit is one transaction (inbox key,
/// chained events, snapshot, outbox steps) that the database makes durable before it is acknowledged; the incident's
/// row is locked for the version check, so two instances deciding on the same incident cannot both commit; the inbox
/// key is a primary key, so a redelivery to any instance is a duplicate; outbox steps are leased with
/// <c>FOR UPDATE SKIP LOCKED</c> and carry a fencing token; incident numbers come from a sequence.
/// Create one per process at start-up (it migrates the schema) and dispose it at shutdown.
/// </summary>
public sealed partial class PostgresIncidentStore : IIncidentStore, IIncidentNumberSequence
{
    /// <summary>How many statements each connection keeps prepared, unless <c>Max Auto Prepare</c> says otherwise.</summary>
    internal const int MaxAutoPrepare = 64;

    private const string AutoPrepareKey = "Max Auto Prepare";

    private readonly NpgsqlDataSource _source;
    private readonly TimeProvider _time;
    private readonly TimeSpan _inboxWindow;
    private int _disposed;
    private string? _failure;
    private long _settingStamp;

    public PostgresIncidentStore(StorageOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        StorageOptionsValidator.ThrowIfInvalid(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new ArgumentException("Storage:ConnectionString must name the PostgreSQL database, e.g. Host=db;Database=imtbot;Username=imtbot;Password=…", nameof(options));
        }

        _time = time ?? TimeProvider.System;
        _inboxWindow = options.InboxWindow;
        var builder = new NpgsqlDataSourceBuilder(options.ConnectionString);
        builder.ConnectionStringBuilder.ApplicationName ??= "imtbot";
        if (!builder.ConnectionStringBuilder.ContainsKey(AutoPrepareKey))
        {
            // The store sends the same few dozen statements all day: prepared once per connection (Npgsql keeps them
            // across the pool's returns), PostgreSQL skips parsing and planning each. A connection string's own wins.
            builder.ConnectionStringBuilder.MaxAutoPrepare = MaxAutoPrepare;
        }

        _source = builder.Build();
        try
        {
            Migrated = PostgresSchema.Migrate(_source);
        }
        catch (NpgsqlException e)
        {
            _source.Dispose();
            throw new StorageUnavailableException($"PostgreSQL cannot be reached or migrated ({Describe(options.ConnectionString)}): {e.Message}", e);
        }

        Documents = new PostgresDocumentDatabase(_source, () => ThrowIfDisposed());
    }

    public StorageProvider Provider => StorageProvider.PostgreSQL;

    /// <summary>The schema versions this instance applied at start-up (none when another had, or it was current).</summary>
    public IReadOnlyList<int> Migrated { get; }

    public IDocumentDatabase Documents { get; }

    public StoreMeters Meters { get; } = new();

    /// <summary>Ready unless disposed or the latest call to the database failed (the next success clears it).</summary>
    public StoreHealth Health => _disposed == 1
        ? StoreHealth.NotReady("the store is closed")
        : Volatile.Read(ref _failure) is { } failure ? StoreHealth.NotReady("PostgreSQL: " + failure) : StoreHealth.Healthy;

    public bool IsReady => Health.Ready;

    /// <summary>The data source, for the leader lease and tests.</summary>
    internal NpgsqlDataSource Source => _source;

    public async Task<StoreHealth> ProbeAsync(CancellationToken cancellationToken = default)
    {
        if (_disposed == 1)
        {
            return Health;
        }

        try
        {
            await using var command = _source.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _failure, null);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            Volatile.Write(ref _failure, e.Message);
        }

        return Health;
    }

    public ChainVerification Verify(int number)
    {
        var events = new List<IncidentEvent>();
        foreach (var row in ReadEventRows(number))
        {
            try
            {
                events.Add(row.ToEvent());
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or NotSupportedException or InvalidCastException or KeyNotFoundException)
            {
                var head = events.Count > 0 ? events[^1].Hash : EventChain.GenesisHash;
                return new ChainVerification(false, events.Count, head, row.Sequence, $"the event at sequence {row.Sequence} cannot be read: {e.Message}");
            }
        }

        var result = ChainVerifier.Verify(events);
        if (!result.Valid || FindIncident(number) is not { } snapshot)
        {
            return result;
        }

        return snapshot.Version != events.Count || snapshot.Head != result.Head
            ? result with
            {
                Valid = false,
                BrokenAt = Math.Min(events.Count, snapshot.Version) + 1,
                Problem = $"the log ends at sequence {events.Count} but the incident is at version {snapshot.Version} with another head",
            }
            : result;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Meters.Dispose();
        _source.Dispose();
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed == 1, this);

    /// <summary>Runs a database call, recording its failure for readiness (and clearing an earlier one on success).</summary>
    private T Run<T>(Func<NpgsqlConnection, T> work)
    {
        ThrowIfDisposed();
        try
        {
            using var connection = _source.OpenConnection();
            var result = work(connection);
            Volatile.Write(ref _failure, null);
            return result;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            Volatile.Write(ref _failure, e.Message);
            throw new StorageUnavailableException($"PostgreSQL failed: {e.Message}", e);
        }
    }

    private async Task<T> RunAsync<T>(Func<NpgsqlConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await using var connection = await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            var result = await work(connection).ConfigureAwait(false);
            Volatile.Write(ref _failure, null);
            return result;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            Volatile.Write(ref _failure, e.Message);
            throw new StorageUnavailableException($"PostgreSQL failed: {e.Message}", e);
        }
    }

    private static long Ticks(DateTimeOffset at) => at.UtcTicks;

    private static DateTimeOffset At(long ticks) => new(ticks, TimeSpan.Zero);

    private static object DbTicks(DateTimeOffset? at) => at is { } value ? value.UtcTicks : DBNull.Value;

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, NpgsqlTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>The connection string without its password, for messages.</summary>
    private static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Password = null };
            return $"Host={builder.Host};Port={builder.Port};Database={builder.Database};Username={builder.Username}";
        }
        catch (ArgumentException)
        {
            return "the connection string cannot be read";
        }
    }

    private static void Time(StoreMeters meters, long started) => meters.CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
}
