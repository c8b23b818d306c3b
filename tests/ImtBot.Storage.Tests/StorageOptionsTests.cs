using ImtBot.Storage.Tests.Support;

namespace ImtBot.Storage.Tests;

public sealed class StorageOptionsTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Validator_Defaults_None()
    {
        var options = new StorageOptions();

        Assert.True(new StorageOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal("data/imtbot.db", options.Path);
        Assert.Equal(DurabilityMode.SyncLog, options.Durability);
    }

    [Theory]
    [InlineData("", 256, "Storage:Path")]
    [InlineData("data/", 256, "is a folder")]
    [InlineData("data/imtbot.db", 0, "Storage:MaxBatch")]
    public void Validator_Invalid_SaysWhatToFix(string path, int maxBatch, string expected)
    {
        var options = new StorageOptions { Path = path, MaxBatch = maxBatch };

        Assert.Contains(new StorageOptionsValidator().Validate(null, options).Failures!, p => p.Contains(expected));
        Assert.Contains(expected, Assert.Throws<ArgumentException>(() => new LiteIncidentStore(options)).Message);
    }

    [Fact]
    public void Validator_PostgreSqlWithoutConnectionString_SaysWhatToSet()
    {
        var options = new StorageOptions { Provider = StorageProvider.PostgreSQL };

        var failure = Assert.Single(new StorageOptionsValidator().Validate(null, options).Failures!);

        Assert.Contains("Storage:ConnectionString must be set when Storage:Provider is PostgreSQL", failure, StringComparison.Ordinal);
        Assert.Contains("Storage:ConnectionString", Assert.Throws<ArgumentException>(() => new global::ImtBot.Storage.Postgres.PostgresIncidentStore(options)).Message);
    }

    [Fact]
    public void Constructor_PostgreSqlUnreachable_StorageUnavailableNamingTheServerButNotThePassword()
    {
        var options = new StorageOptions
        {
            Provider = StorageProvider.PostgreSQL,
            ConnectionString = "Host=127.0.0.1;Port=1;Database=imtbot;Username=imtbot;Password=not-to-be-shown;Timeout=2",
        };

        var error = Assert.Throws<StorageUnavailableException>(() => new global::ImtBot.Storage.Postgres.PostgresIncidentStore(options));

        Assert.Contains("Host=127.0.0.1;Port=1;Database=imtbot", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-to-be-shown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NestedFolders_CreatesThemAndIsReady()
    {
        var path = Path.Combine(_temp.Folder, "a", "b", "c.db");

        using var store = new LiteIncidentStore(new StorageOptions { Path = path });

        Assert.True(File.Exists(path));
        Assert.True(File.Exists(path + ".lock"));
        Assert.True(store.IsReady, store.Health.Reason);
    }
}
