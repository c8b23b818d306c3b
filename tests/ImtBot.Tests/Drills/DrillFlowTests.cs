using System.Net;
using ImtBot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Tests.Drills;

/// <summary>
/// A scripted drill through the console, the real host, the outbox and the API on a fake clock: the DRILL channel,
/// injects at their exact times, a pause shifting later injects, a restart mid-drill (each inject posted once), the
/// score card, the hot wash, the after-action report and the training records.
/// </summary>
public class DrillFlowTests
{
    private static readonly string Scenarios = "Drills:Path=" + Path.Combine(RepositoryRoot.Path, "drills");

    [Fact]
    public async Task Drill_ThroughTheConsole_InjectsOnTimeOnceAcrossPauseAndRestart_ThenScoreHotwashReport()
    {
        var clock = new FakeTimeProvider(TestHost.Epoch);
        string database;
        string channel;
        await using (var host = await TestHost.StartAsync(clock: clock, settings: Scenarios))
        {
            database = host.DatabasePath;
            var list = await host.SayAsync("alice", "general", "/incident drill");
            Assert.Contains("database-failover", list.Text, StringComparison.Ordinal);
            Assert.Contains("ddos", list.Text, StringComparison.Ordinal);

            var started = await host.SayAsync("alice", "general", "/incident drill database-failover @carol");
            Assert.True(started.Accepted, started.Text);
            Assert.StartsWith("DRILL INC-1", started.Text, StringComparison.Ordinal);
            await host.DrainOutboxAsync();

            channel = (string)(await host.GetArrayAsync("/api/console/channels?user=alice")).Single(c => (int?)c!["incident"] == 1)!["id"]!;
            Assert.StartsWith("drill-1-", channel, StringComparison.Ordinal);
            Assert.Equal(1, await InjectCount(host, channel, 1));
            Assert.Contains(await host.MessagesAsync("dm-carol", "carol"), m => Text(m).Contains("you facilitate", StringComparison.Ordinal));
            Assert.All(await host.MessagesAsync(channel), m => Assert.True(m!["card"] is not null || Text(m).Contains("DRILL", StringComparison.Ordinal), Text(m)));

            // Inject 2 is at +4 min exactly.
            await host.AdvanceAsync(TimeSpan.FromMinutes(4) - TimeSpan.FromSeconds(1));
            Assert.Equal(0, await InjectCount(host, channel, 2));
            await host.AdvanceAsync(TimeSpan.FromSeconds(1));
            Assert.Equal(1, await InjectCount(host, channel, 2));

            Assert.True((await host.SayAsync("alice", channel, "/incident lead")).Accepted);

            // Paused from +5 to +15: inject 3 (+8) moves to +18.
            await host.AdvanceAsync(TimeSpan.FromMinutes(1));
            Assert.False((await host.SayAsync("bob", channel, "/incident drill pause")).Accepted);
            Assert.True((await host.SayAsync("carol", channel, "/incident drill pause")).Accepted);
            await host.AdvanceAsync(TimeSpan.FromMinutes(10));
            Assert.Equal(0, await InjectCount(host, channel, 3));
            Assert.True((await host.SayAsync("carol", channel, "/incident drill resume")).Accepted);
            await host.AdvanceAsync(TimeSpan.FromMinutes(3) - TimeSpan.FromSeconds(1));
            Assert.Equal(0, await InjectCount(host, channel, 3));
            await host.AdvanceAsync(TimeSpan.FromSeconds(1));
            Assert.Equal(1, await InjectCount(host, channel, 3));

            Assert.True((await host.SayAsync("alice", channel, "/incident update Orders failing; promoting the standby")).Accepted);
        }

        // Restart mid-drill: inject 4 (+12, now +22 after the pause) is due while the host is down.
        clock.Advance(TimeSpan.FromMinutes(5));
        await using (var host = await TestHost.StartAsync(database, clock, Scenarios))
        {
            await host.DrainOutboxAsync();
            await host.DrainOutboxAsync();
            Assert.Equal(1, await InjectCount(host, channel, 4));
            Assert.Equal(1, await InjectCount(host, channel, 3));

            Assert.True((await host.SayAsync("bob", channel, "/incident identified EBS volume degraded")).Accepted);
            await host.AdvanceAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(1, await InjectCount(host, channel, 5));

            var end = await host.SayAsync("carol", channel, "/incident drill end");
            Assert.True(end.Accepted, end.Text);
            await host.DrainOutboxAsync();
            var messages = (await host.MessagesAsync(channel)).Select(Text).ToArray();
            Assert.Contains(messages, m => m.Contains("score card", StringComparison.Ordinal) && m.Contains("⚠️ A commander takes charge (within 3 min) — late by 1m 0s", StringComparison.Ordinal));
            Assert.Contains(messages, m => m.Contains("What went well?", StringComparison.Ordinal));
            Assert.True((await host.SayAsync("bob", channel, "/incident hotwash The lag alert came late; add one at 10 s")).Accepted);

            var response = await host.Http.GetAsync(new Uri("/api/incidents/1/aar.md", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var report = await response.Content.ReadAsStringAsync();
            foreach (var section in new[] { "## Exercise overview", "### Objectives", "## Participants and roles", "## Timeline", "## Expected actions", "## Score", "## Hot wash", "## Improvement plan" })
            {
                Assert.Contains(section, report, StringComparison.Ordinal);
            }

            Assert.Contains("**INJECT 2** from Monitoring", report, StringComparison.Ordinal);
            Assert.Contains("The lag alert came late", report, StringComparison.Ordinal);

            var training = await host.GetJsonAsync("/api/training?user=alice");
            Assert.Contains(training["entries"]!.AsArray(), e => (string)e!["role"]! == "commander" && (bool)e["drill"]!);
            var drills = await host.GetArrayAsync("/api/drills");
            Assert.Equal("database-failover", (string)drills.Single()!["scenario"]!);
            var reply = await host.SayAsync("alice", "general", "/incident training me");
            Assert.Contains("commander · INC-1 · DRILL database-failover", reply.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AfterActionReport_RealIncident_404SayingWhy()
    {
        await using var host = await TestHost.StartAsync(settings: Scenarios);
        await host.SayAsync("alice", "general", "/incident declare Checkout failing sev2");

        var response = await host.Http.GetAsync(new Uri("/api/incidents/1/aar.md", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("ran no drill scenario", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drill_UnknownScenario_RejectedListingTheScenarios()
    {
        await using var host = await TestHost.StartAsync(settings: Scenarios);

        var reply = await host.SayAsync("alice", "general", "/incident drill volcano");

        Assert.False(reply.Accepted);
        Assert.Contains("bad-deploy", reply.Text, StringComparison.Ordinal);
        Assert.Empty(await host.GetArrayAsync("/api/incidents"));
    }

    private static string Text(System.Text.Json.Nodes.JsonNode? m) => (string?)m!["text"] ?? "";

    private static async Task<int> InjectCount(TestHost host, string channel, int inject) =>
        (await host.MessagesAsync(channel)).Count(m => Text(m).Contains($"inject {inject}/", StringComparison.Ordinal));
}
