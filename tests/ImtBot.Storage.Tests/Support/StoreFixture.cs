using ImtBot.Storage.Postgres;
using ImtBot.Storage.Tests.Postgres;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Storage.Tests.Support;

/// <summary>
/// Where a contract test keeps its store: every <see cref="Open"/> opens a store on the same data (a reopen), with the
/// fixture's fake clock. The contract suites run once per engine through a fixture of each kind.
/// </summary>
public abstract class StoreFixture : IDisposable
{
    public abstract FakeTimeProvider Time { get; }

    /// <summary>Opens a store on this fixture's data; <paramref name="inboxWindow"/> overrides <see cref="StorageOptions.InboxWindow"/>.</summary>
    public abstract IIncidentStore Open(TimeSpan? inboxWindow = null);

    public abstract void Dispose();
}

/// <summary>A LiteDB file in a temporary folder (checkpoint durability, as the storage tests always used).</summary>
public sealed class LiteStoreFixture : StoreFixture
{
    private readonly TempDatabase _temp = new();

    public override FakeTimeProvider Time => _temp.Time;

    public string DbPath => _temp.DbPath;

    public string Folder => _temp.Folder;

    public string LogPath => _temp.LogPath;

    public override IIncidentStore Open(TimeSpan? inboxWindow = null) => Open(DurabilityMode.Checkpoint, inboxWindow);

    public LiteIncidentStore Open(DurabilityMode durability, TimeSpan? inboxWindow = null) =>
        new(new StorageOptions { Path = _temp.DbPath, Durability = durability, InboxWindow = inboxWindow ?? new StorageOptions().InboxWindow }, _temp.Time);

    public override void Dispose() => _temp.Dispose();
}

/// <summary>A database of its own on the shared test server, made at the first open.</summary>
public sealed class PostgresStoreFixture(PostgresServer server) : StoreFixture
{
    private readonly Lazy<string> _connectionString = new(() => server.CreateDatabase());

    public override FakeTimeProvider Time { get; } = new(Requests.T0);

    public string ConnectionString => _connectionString.Value;

    public override IIncidentStore Open(TimeSpan? inboxWindow = null) => OpenPostgres(inboxWindow);

    public PostgresIncidentStore OpenPostgres(TimeSpan? inboxWindow = null, TimeProvider? time = null) =>
        new(new StorageOptions { Provider = StorageProvider.PostgreSQL, ConnectionString = ConnectionString, InboxWindow = inboxWindow ?? new StorageOptions().InboxWindow }, time ?? Time);

    public override void Dispose()
    {
        // The database goes with the server at the end of the run.
    }
}
