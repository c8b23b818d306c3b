using ImtBot.Hosting;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Plans;

/// <summary><c>imtbot plans check</c> and start-up: a bad plan is reported with file and line and never reaches an incident.</summary>
public class PlansCheckTests
{
    private static async Task<(int? Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = await CliVerbs.TryRunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Check_ShippedPlans_Exit0ListingEach()
    {
        var (exit, output, errors) = await RunAsync("plans", "check", $"--Plans:Path={Path.Combine(RepositoryRoot.Path, "plans")}");

        Assert.Equal(CliVerbs.Ok, exit);
        Assert.Equal("", errors);
        Assert.Contains("security-breach.yaml@", output, StringComparison.Ordinal);
        Assert.Contains("8 plans valid, 0 problems", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_BrokenPlan_Exit1ListingEveryProblem()
    {
        using var files = new PlanFiles();
        files.Write("minimal.yaml", PlanFiles.Minimal);
        files.Write("broken.yaml", PlanFiles.Minimal.Replace("id: minimal", "id: broken", StringComparison.Ordinal).Replace("owner: commander", "owner: wizard", StringComparison.Ordinal).Replace("due: 15m", "due: later", StringComparison.Ordinal));

        var (exit, output, errors) = await RunAsync("plans", "check", $"--Plans:Path={files.Folder}");

        Assert.Equal(CliVerbs.Error, exit);
        Assert.Contains("broken.yaml:7: unknown role 'wizard'", errors, StringComparison.Ordinal);
        Assert.Contains("broken.yaml:8: bad duration 'later'", errors, StringComparison.Ordinal);
        Assert.Contains("1 plans valid, 2 problems", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_WithoutSubverb_IsUsage()
    {
        var (exit, _, errors) = await RunAsync("plans");

        Assert.Equal(CliVerbs.Usage, exit);
        Assert.Contains("usage: imtbot plans check", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_BrokenPlan_RefusesToStartWithExit1()
    {
        using var files = new PlanFiles();
        files.Write("broken.yaml", PlanFiles.Minimal.Replace("id: minimal", "id: broken", StringComparison.Ordinal).Replace("phases:", "phases:\n  fix: []", StringComparison.Ordinal));
        var errors = new StringWriter();
        var db = Path.Combine(Path.GetTempPath(), "imtbot-tests", Guid.NewGuid().ToString("N"), "imtbot.db");

        var exit = await ImtBotApp.RunAsync(["--urls=http://127.0.0.1:0", $"--Storage:Path={db}", $"--Plans:Path={files.Folder}"], errors);

        Assert.Equal(1, exit);
        Assert.Contains("Plans: broken.yaml:4: unknown phase 'fix'", errors.ToString(), StringComparison.Ordinal);
    }
}
