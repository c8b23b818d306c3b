using ImtBot.Storage.Tests.Support;

namespace ImtBot.Storage.Tests.Locking;

public sealed class DatabaseLockTests : IDisposable
{
    private readonly TempDatabase _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Open_PathAlreadyOpenInThisProcess_RefusedNamingTheLockFileAndPid()
    {
        using var first = _temp.Open();

        var error = Assert.Throws<DatabaseLockedException>(() => _temp.Open());

        Assert.Equal(_temp.DbPath + ".lock", error.LockPath);
        Assert.Equal(Environment.ProcessId, error.HolderPid);
        Assert.Contains(_temp.DbPath + ".lock", error.Message);
        Assert.Contains($"pid {Environment.ProcessId}", error.Message);
    }

    [Fact]
    public async Task Open_SecondProcessOnSameFile_RefusedWithExitCodeOne()
    {
        // docs/reliability.md §Single writer: on Linux LiteDB alone lets a second process open and write the file; the lock file must not.
        using (var store = _temp.Open())
        {
            var (code, output, error) = await Probe.RunAsync(_temp.DbPath);

            Assert.Equal(1, code);
            Assert.Contains(_temp.DbPath + ".lock", error);
            Assert.Contains($"pid {Environment.ProcessId}", error);
            Assert.DoesNotContain("opened", output);
            Assert.True(store.IsReady);
        }

        // Once the holder is gone, a new process opens it: the refusal above was the lock, not the probe.
        var (after, _, _) = await Probe.RunAsync(_temp.DbPath);
        Assert.Equal(0, after);
    }

    [Fact]
    public void Dispose_ReleasesTheLock_SoTheSameProcessCanReopen()
    {
        _temp.Open().Dispose();

        using var again = _temp.Open();

        Assert.True(again.IsReady, again.Health.Reason);
    }
}
