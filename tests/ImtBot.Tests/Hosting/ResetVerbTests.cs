using ImtBot.Hosting;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Hosting;

/// <summary><c>reset --yes</c> through the executable's verb entry, on a database the host wrote.</summary>
public class ResetVerbTests
{
    private static async Task<(int? Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliVerbs.TryRunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static async Task<string> DatabaseWithAnIncidentAsync()
    {
        await using var host = await TestHost.StartAsync();
        Assert.True((await host.SayAsync("alice", "general", "/incident declare Queue backlog sev2")).Accepted);
        return host.DatabasePath;
    }

    [Fact]
    public async Task Reset_WithoutYes_RefusesAndKeepsTheData()
    {
        var db = await DatabaseWithAnIncidentAsync();

        var (exit, _, err) = await RunAsync("reset", $"--Storage:Path={db}");

        Assert.Equal(CliVerbs.Usage, exit);
        Assert.Contains("--yes", err);
        Assert.True(File.Exists(db));
    }

    [Fact]
    public async Task Reset_WithYes_DeletesTheDataAndTheNextStartIsEmpty()
    {
        var db = await DatabaseWithAnIncidentAsync();

        var (exit, output, _) = await RunAsync("reset", "--yes", $"--Storage:Path={db}");

        Assert.Equal(CliVerbs.Ok, exit);
        Assert.Contains("Reset", output);
        Assert.False(File.Exists(db));
        await using var fresh = await TestHost.StartAsync(databasePath: db);
        Assert.Empty(await fresh.GetArrayAsync("/api/incidents"));
        var declared = await fresh.SayAsync("alice", "general", "/incident declare Fresh start");
        Assert.Equal(1, declared.Incident);
    }

    [Fact]
    public async Task Reset_WhileTheBotRuns_RefusedNamingTheLockAndKeepsTheData()
    {
        await using var running = await TestHost.StartAsync();
        await running.SayAsync("alice", "general", "/incident declare Queue backlog sev2");

        var (exit, _, err) = await RunAsync("reset", "--yes", $"--Storage:Path={running.DatabasePath}");

        Assert.Equal(CliVerbs.Error, exit);
        Assert.Contains("in use by another process", err);
        Assert.True(File.Exists(running.DatabasePath));
        Assert.Single(await running.GetArrayAsync("/api/incidents"));
    }
}
