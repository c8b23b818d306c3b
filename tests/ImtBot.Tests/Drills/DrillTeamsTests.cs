using System.Net;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Drills;

/// <summary>
/// Drill score trends per team (<c>Drills:Teams</c>) through the console and the API: a drill counts for a team when a
/// member held a role in it, beside the trend per scenario.
/// </summary>
public class DrillTeamsTests
{
    private static readonly string[] Settings =
    [
        "Drills:Path=" + Path.Combine(RepositoryRoot.Path, "drills"),
        "Drills:Teams:payments:0=alice",
        "Drills:Teams:payments:1=bob",
        "Drills:Teams:platform:0=carol",
        "Drills:Teams:platform:1=dan",
        "Drills:Teams:search:0=erin",
    ];

    [Fact]
    public async Task Drills_ByTeam_CountWhereAMemberHeldARole_AndInsightsShowEachTeam()
    {
        await using var host = await TestHost.StartAsync(settings: Settings);
        Assert.True((await host.SayAsync("alice", "general", "/incident drill database-failover @erin")).Accepted);
        Assert.True((await host.SayAsync("alice", "general", "/incident lead INC-1")).Accepted);
        Assert.True((await host.SayAsync("carol", "general", "/incident drill ddos @erin")).Accepted);
        Assert.True((await host.SayAsync("carol", "general", "/incident lead INC-2")).Accepted);
        Assert.True((await host.SayAsync("carol", "general", "/incident role INC-2 ops @bob")).Accepted);
        Assert.True((await host.SayAsync("bob", "general", "/incident ack INC-2")).Accepted);
        await host.DrainOutboxAsync();

        var teams = await host.GetArrayAsync("/api/drills?by=team");
        Assert.Equal(["payments", "platform", "search"], teams.Select(t => (string)t!["team"]!));
        Assert.Equal(["INC-1", "INC-2"], Runs(teams, "payments"));
        Assert.Equal(["INC-2"], Runs(teams, "platform"));
        Assert.Empty(Runs(teams, "search")); // the facilitator of both drills held no role in them
        Assert.Equal("ddos", (string)teams[0]!["runs"]![1]!["scenario"]!);

        var scenarios = await host.GetArrayAsync("/api/drills");
        Assert.Equal(["database-failover", "ddos"], scenarios.Select(s => (string)s!["scenario"]!));

        var insights = await host.GetJsonAsync("/api/insights");
        var byTeam = insights["teams"]!.AsArray();
        Assert.Equal(["payments", "platform", "search"], byTeam.Select(t => (string)t!["team"]!));
        Assert.Equal(2, byTeam[0]!["runs"]!.AsArray().Count);

        var bad = await host.Http.GetAsync(new Uri("/api/drills?by=colour", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("by must be scenario or team", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Teams_AMemberlessTeam_StopsTheHostSayingWhatWouldWork()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => TestHost.StartAsync(settings: ["Drills:Teams:payments:0= "]));
        Assert.Contains("Drills:Teams:payments must list its members' user ids", e.ToString(), StringComparison.Ordinal);
    }

    private static string[] Runs(System.Text.Json.Nodes.JsonArray teams, string team) =>
        teams.Single(t => (string)t!["team"]! == team)!["runs"]!.AsArray().Select(r => (string)r!["incident"]!).ToArray();
}
