using ImtBot.Hosting;
using ImtBot.Tests.Alerts;
using ImtBot.Tests.Infrastructure;
using ImtBot.Tests.Plans;

namespace ImtBot.Tests.Wiring;

/// <summary>
/// Where features meet, through the real host with the shipped plans and scenarios: an alert route's type runs its plan,
/// the first alert dates the review's detection, a drill runs its scenario type's plan and scores a plan task, and the
/// check verbs name the file and line of a cross-reference that cannot work.
/// </summary>
public class CrossFeatureFlowTests
{
    private static readonly string Scenarios = "Drills:Path=" + Path.Combine(RepositoryRoot.Path, "drills");

    private static string Text(System.Text.Json.Nodes.JsonNode? m) => (string?)m!["text"] ?? "";

    [Fact]
    public async Task AlertRoute_DeclareWithType_RunsThatTypesPlan_AndTheReviewIsDetectedByTheFirstAlert()
    {
        await using var host = await AlertHost.StartAsync("Alerts:Routes:1:Action=declare sev3 type outage");

        var response = await host.PostAsync("/api/alerts/gf", AlertHost.Fixture("grafana.json"), AlertHost.GrafanaToken);

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var alerts = await host.GetJsonAsync("/api/incidents/1/alerts");
        Assert.Equal("outage", (string?)alerts["type"]);
        var plan = await host.SayAsync("alice", "general", "/incident plan INC-1");
        Assert.True(plan.Accepted, plan.Text);
        Assert.StartsWith("INC-1 · type outage · plan \"Service outage\"", plan.Text, StringComparison.Ordinal);

        await host.AdvanceAsync(TimeSpan.FromMinutes(30));
        var review = await host.SayAsync("alice", "general", "/incident review INC-1");
        Assert.True(review.Accepted, review.Text);
        Assert.Contains("| Detected (first alert) |", review.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("when it was detected (`detected <time>`)", review.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drill_ScenarioType_RunsItsPlan_APlanTaskDoneIsScored_ClocksAreExercise_PagesSayDrill()
    {
        await using var host = await TestHost.StartAsync(settings: [Scenarios, "Incidents:OnCall:ops:0=bob"]);

        var started = await host.SayAsync("alice", "general", "/incident drill leaked-credentials");
        Assert.True(started.Accepted, started.Text);
        Assert.Contains("Plan: Security breach (data exposure)", started.Text, StringComparison.Ordinal);
        await host.DrainOutboxAsync();
        var channel = (string)(await host.GetArrayAsync("/api/console/channels?user=alice")).Single(c => (int?)c!["incident"] == 1)!["id"]!;
        Assert.True((await host.SayAsync("alice", channel, "/incident lead")).Accepted);
        var plan = await host.SayAsync("alice", channel, "/incident plan");
        Assert.StartsWith("INC-1 · type security · plan \"Security breach (data exposure)\"", plan.Text, StringComparison.Ordinal);

        // Task 3 is preserve-evidence (detect has two tasks, assess starts with it).
        await host.AdvanceAsync(TimeSpan.FromMinutes(6));
        var done = await host.SayAsync("alice", channel, "/incident task done 3 snapshots taken");
        Assert.True(done.Accepted, done.Text);
        Assert.Contains("Preserve evidence", done.Text, StringComparison.Ordinal);

        // The plan's automatic steps ran in the drill too: the GDPR clock it started is an exercise, its page says DRILL.
        var clocks = await host.SayAsync("alice", channel, "/incident compliance");
        Assert.Contains("EXERCISE", clocks.Text, StringComparison.Ordinal);
        Assert.Contains("started by the response plan", (await host.GetArrayAsync("/api/incidents/1/timeline")).ToJsonString(), StringComparison.Ordinal);
        var pageMessages = (await host.MessagesAsync("dm-bob", "bob")).Select(Text).Where(t => t.Contains("INC-1", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(pageMessages);
        Assert.All(pageMessages, t => Assert.StartsWith("DRILL · ", t, StringComparison.Ordinal));
        Assert.Contains(pageMessages, t => t.StartsWith("DRILL · You are paged as ops for INC-1", StringComparison.Ordinal));

        var ended = await host.SayAsync("alice", channel, "/incident drill end");
        Assert.True(ended.Accepted, ended.Text);
        await host.DrainOutboxAsync();
        var card = (await host.MessagesAsync(channel)).Select(Text).Single(t => t.Contains("INC-1 score card", StringComparison.Ordinal));
        var line = card.Split('\n').Single(l => l.Contains("Evidence preserved", StringComparison.Ordinal));
        Assert.StartsWith("✅", line, StringComparison.Ordinal);
        Assert.Contains("met in 6m", line, StringComparison.Ordinal);
        Assert.EndsWith("3/3", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DrillsCheck_TaskThePlanDoesNotHave_NamesFileAndLine()
    {
        var folder = Path.Combine(Path.GetTempPath(), "imtbot-tests", Guid.NewGuid().ToString("N"), "scenarios");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "breach.yaml"), """
            id: breach
            title: A breach drill
            type: security
            severity: 2
            summary: One inject, two plan tasks expected.
            objectives:
              - Preserve evidence.
            injects:
              - at: 1m
                from: Monitoring
                message: Something is wrong.
            expected:
              - what: task preserve-evidence
                within: 10m
              - what: task polish-the-badge
                within: 10m
            """);

        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await CliVerbs.TryRunAsync(["drills", "check", $"--Drills:Path={folder}", $"--Plans:Path={Path.Combine(RepositoryRoot.Path, "plans")}"], stdout, stderr);

        Assert.Equal(CliVerbs.Error, exit);
        var errors = stderr.ToString();
        Assert.Contains("breach.yaml:15: what: the plan \"security-breach\" (type security, SEV2) has no task \"polish-the-badge\"; its tasks are restrict-channel, page-security, preserve-evidence", errors, StringComparison.Ordinal);
        Assert.DoesNotContain("preserve-evidence\"", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlansCheck_ClockOfAnUnknownRegime_NamesFileAndLine()
    {
        using var files = new PlanFiles();
        files.Write("minimal.yaml", PlanFiles.Minimal + "\n      auto: { clock: gdpr-72h }\n");

        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await CliVerbs.TryRunAsync(["plans", "check", $"--Plans:Path={files.Folder}"], stdout, stderr);

        Assert.Equal(CliVerbs.Error, exit);
        Assert.Contains("minimal.yaml:10: unknown compliance regime 'gdpr-72h': a clock step starts a regime's clocks as `regulated <regime>` does; use one of dora, gdpr, hipaa", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("0 plans valid, 1 problems", stdout.ToString(), StringComparison.Ordinal);
    }
}
