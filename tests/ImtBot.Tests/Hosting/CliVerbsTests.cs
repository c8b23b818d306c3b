using System.IO.Compression;
using ImtBot.Hosting;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Hosting;

/// <summary>The operations verbs through the executable's own entry (<see cref="CliVerbs.TryRunAsync"/>), on a database the host wrote.</summary>
public class CliVerbsTests
{
    private static async Task<string> DatabaseWithOneClosedIncidentAsync()
    {
        await using var host = await TestHost.StartAsync();
        await host.SayAsync("alice", "general", "/incident declare Queue backlog sev2");
        await host.SayAsync("alice", "general", "/incident lead INC-1");
        await host.AdvanceAsync(TimeSpan.FromMinutes(5));
        await host.SayAsync("alice", "general", "/incident resolved INC-1");
        await host.SayAsync("alice", "general", "/incident close INC-1");
        await host.DrainOutboxAsync();
        return host.DatabasePath;
    }

    private static async Task<(int? Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliVerbs.TryRunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Verify_IntactDatabase_Exit0()
    {
        var db = await DatabaseWithOneClosedIncidentAsync();

        var (exit, output, _) = await RunAsync("verify", $"--Storage:Path={db}");

        Assert.Equal(CliVerbs.Ok, exit);
        Assert.Contains("INC-1: valid", output);
    }

    [Fact]
    public async Task Verify_TamperedEvent_Exit2NamingTheSequence()
    {
        var db = await DatabaseWithOneClosedIncidentAsync();
        using (var lite = new LiteDB.LiteDatabase($"Filename={db};Connection=direct"))
        {
            var events = lite.GetCollection("events");
            // Rewrite who did the second thing: the stored hash no longer matches.
            var second = events.FindAll().OrderBy(d => d["seq"].AsInt64).Skip(1).First();
            second["actor"]["name"] = "Mallory";
            events.Update(second);
        }

        var (exit, _, errors) = await RunAsync("verify", $"--Storage:Path={db}");

        Assert.Equal(CliVerbs.Broken, exit);
        Assert.Contains("INC-1: BROKEN at sequence 2", errors);
    }

    [Fact]
    public async Task BackupAndExport_WriteVerifiedCopies()
    {
        var db = await DatabaseWithOneClosedIncidentAsync();
        var dir = Path.Combine(Path.GetDirectoryName(db)!, "out");

        var backup = await RunAsync("backup", Path.Combine(dir, "copy.db"), $"--Storage:Path={db}");
        var export = await RunAsync("export", "INC-1", dir, $"--Storage:Path={db}");

        Assert.Equal(CliVerbs.Ok, backup.Exit);
        Assert.True(File.Exists(Path.Combine(dir, "copy.db")));
        Assert.Equal(CliVerbs.Ok, export.Exit);
        Assert.Contains("# ", File.ReadAllText(Path.Combine(dir, "INC-1-review.md")));
        Assert.Contains("\"type\": \"declared\"", File.ReadAllText(Path.Combine(dir, "INC-1-events.json")));
        Assert.Contains("valid true", File.ReadAllText(Path.Combine(dir, "INC-1-chain.txt")));
    }

    [Fact]
    public async Task Metrics_CountsTheIncident()
    {
        var db = await DatabaseWithOneClosedIncidentAsync();

        var (exit, output, _) = await RunAsync("metrics", $"--Storage:Path={db}");

        Assert.Equal(CliVerbs.Ok, exit);
        Assert.Contains("SEV2", output);
    }

    [Fact]
    public async Task CardsRenderAndTeamsPackage_WriteTheirFiles()
    {
        var dir = Path.Combine(Path.GetTempPath(), "imtbot-tests", Guid.NewGuid().ToString("N"));

        var cards = await RunAsync("cards", "render", "--out", Path.Combine(dir, "cards"));
        var package = await RunAsync("teams", "package", "--app-id", "00000000-0000-0000-0000-000000000001", "--out", Path.Combine(dir, "imtbot.zip"));

        Assert.Equal(CliVerbs.Ok, cards.Exit);
        Assert.True(File.Exists(Path.Combine(dir, "cards", "teams", "incident-active.json")));
        Assert.Equal(CliVerbs.Ok, package.Exit);
        using var zip = ZipFile.OpenRead(Path.Combine(dir, "imtbot.zip"));
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("export", "x")]
    [InlineData("cards")]
    [InlineData("teams", "package", "--app-id", "not-a-guid")]
    public async Task Verb_BadArguments_UsageExit64(params string[] args)
    {
        var (exit, _, errors) = await RunAsync(args);

        Assert.Equal(CliVerbs.Usage, exit);
        Assert.Contains("usage:", errors);
    }

    [Fact]
    public async Task NotAVerb_RunsTheServer()
    {
        var (exit, _, _) = await RunAsync("--urls=http://127.0.0.1:0");

        Assert.Null(exit);
    }
}
