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
    public void Constructor_NestedFolders_CreatesThemAndIsReady()
    {
        var path = Path.Combine(_temp.Folder, "a", "b", "c.db");

        using var store = new LiteIncidentStore(new StorageOptions { Path = path });

        Assert.True(File.Exists(path));
        Assert.True(File.Exists(path + ".lock"));
        Assert.True(store.IsReady, store.Health.Reason);
    }
}
