using ImtBot.Hosting;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Drills;

/// <summary>Scenario files are checked like configuration: every problem at once, each with its file and line.</summary>
public class ScenarioValidationTests
{
    // Line numbers matter: each problem below is on the line named in the assertions.
    private const string Broken = """
        id: Bad Id
        title: Broken scenario
        severity: 7
        summary: A file with a problem on nearly every line.
        objectives:
          - Find every problem at once.
        colour: red
        injects:
          - from: Monitoring
            message: no time given
          - at: 5 minutes
            from: CFO
            message: the time is unreadable
          - when: status fixed
            from: Support
            message: the condition is unknown
        expected:
          - what: commander
            within: 0m
          - what: update
            within: 10m
            weight: heavy
            after-inject: 9
        """;

    private const string Valid = """
        id: tiny
        title: A tiny drill
        severity: 3
        summary: One inject, one expected action.
        objectives:
          - Take command.
        injects:
          - at: 1m
            from: Monitoring
            message: Something is wrong.
        expected:
          - what: commander
            within: 3m
        """;

    [Fact]
    public async Task DrillsCheck_ShippedScenarios_AllFiveValid()
    {
        var (exit, output, errors) = await RunAsync("drills", "check", $"--Drills:Path={Path.Combine(RepositoryRoot.Path, "drills")}");

        Assert.True(exit == CliVerbs.Ok, errors);
        Assert.Contains("5 scenario(s)", output, StringComparison.Ordinal);
        foreach (var id in new[] { "database-failover", "leaked-credentials", "bad-deploy", "region-outage", "ddos" })
        {
            Assert.Contains(id, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DrillsCheck_BrokenFile_ListsEveryProblemWithFileAndLine()
    {
        var folder = Folder(("broken.yaml", Broken), ("tiny.yaml", Valid));

        var (exit, _, errors) = await RunAsync("drills", "check", $"--Drills:Path={folder}");

        Assert.Equal(CliVerbs.Error, exit);
        var name = Path.GetFileName(folder) + Path.DirectorySeparatorChar + "broken.yaml";
        Assert.Contains($"{name}:1: id \"Bad Id\" must be lower-case", errors, StringComparison.Ordinal);
        Assert.Contains($"{name}:3: severity \"7\" must be 1, 2, 3 or 4", errors, StringComparison.Ordinal);
        Assert.Contains($"{name}:7: a scenario has an unknown key `colour`", errors, StringComparison.Ordinal);
        Assert.Contains($"{name}:9: inject 1 needs exactly one of `at`", errors, StringComparison.Ordinal);
        Assert.Contains($"{name}:11: at \"5 minutes\" must be a time like 90s", errors, StringComparison.Ordinal);
        Assert.Contains($"{name}:14: when: \"status fixed\" is not something a drill can wait for", errors, StringComparison.Ordinal);
        Assert.Contains($"{name}:19: within \"0m\" must be a time", errors, StringComparison.Ordinal);
        Assert.Contains($"{name}:22: weight \"heavy\" must be a whole number", errors, StringComparison.Ordinal);
        Assert.Contains($"{name}:23: after-inject \"9\" must be a whole number from 1 to 3", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("tiny.yaml", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrillsCheck_DuplicateIdAndBadYaml_BothReported()
    {
        var folder = Folder(("a.yaml", Valid), ("b.yaml", Valid), ("c.yaml", "id: [unclosed\n"));

        var (exit, _, errors) = await RunAsync("drills", "check", $"--Drills:Path={folder}");

        Assert.Equal(CliVerbs.Error, exit);
        Assert.Contains("b.yaml:1: the id \"tiny\" is taken by", errors, StringComparison.Ordinal);
        Assert.Contains("c.yaml:", errors, StringComparison.Ordinal);
        Assert.Contains("is not valid YAML", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrillsCheck_NoSubcommand_Usage()
    {
        var (exit, _, errors) = await RunAsync("drills");

        Assert.Equal(CliVerbs.Usage, exit);
        Assert.Contains("imtbot drills check", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_BrokenScenarioFile_Exit1ListingEveryProblem()
    {
        var folder = Folder(("broken.yaml", Broken));
        var errors = new StringWriter();
        var db = Path.Combine(Path.GetTempPath(), "imtbot-tests", Guid.NewGuid().ToString("N"), "imtbot.db");

        var exit = await ImtBotApp.RunAsync(["--urls=http://127.0.0.1:0", $"--Storage:Path={db}", $"--Drills:Path={folder}"], errors);

        Assert.Equal(1, exit);
        var message = errors.ToString();
        Assert.StartsWith("ImtBot cannot start: the configuration has problems:", message, StringComparison.Ordinal);
        Assert.Contains("broken.yaml:3: severity", message, StringComparison.Ordinal);
        Assert.Contains("broken.yaml:22: weight", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingFolderAndBadPracticeEvery_BothNamed()
    {
        var errors = new StringWriter();
        var db = Path.Combine(Path.GetTempPath(), "imtbot-tests", Guid.NewGuid().ToString("N"), "imtbot.db");

        var exit = await ImtBotApp.RunAsync(["--urls=http://127.0.0.1:0", $"--Storage:Path={db}", "--Drills:Path=/nonexistent/drills", "--Drills:PracticeEvery=00:10:00"], errors);

        Assert.Equal(1, exit);
        Assert.Contains("Drills:Path '/nonexistent/drills' is not a folder", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("Drills:PracticeEvery must be between", errors.ToString(), StringComparison.Ordinal);
    }

    private static string Folder(params (string Name, string Text)[] files)
    {
        var folder = Path.Combine(Path.GetTempPath(), "imtbot-tests", Guid.NewGuid().ToString("N"), "scenarios");
        Directory.CreateDirectory(folder);
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
        }

        return folder;
    }

    private static async Task<(int? Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await CliVerbs.TryRunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
