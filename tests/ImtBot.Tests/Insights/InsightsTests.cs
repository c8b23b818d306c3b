using System.Net;
using System.Text.Json.Nodes;
using ImtBot.Core.Insights;
using ImtBot.Core.Ports;
using ImtBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Tests.Insights;

/// <summary>
/// The insights numbers against a scripted pair of weeks on the fake clock, through the console and <c>/api/insights</c>.
/// Week 1 (Monday 2026-11-23; the clock starts Friday 27th 09:00): INC-1, SEV1, impact 10 min before it was detected,
/// commander after 2 min, page acknowledged at 4 min, mitigated at 20, resolved at 30, one action due Saturday 28th.
/// Week 2 (Monday 30th): INC-2, SEV2, commander at once, acknowledged at 10 min, resolved at 60; INC-1's action done.
/// </summary>
public class InsightsTests
{
    private static readonly string[] OnCall = ["Incidents:OnCall:ops:0=bob", "Incidents:OnCall:ops:1=carol"];

    [Fact]
    public async Task ScriptedWeeks_ApiReportsDurationsAdherenceAndActions()
    {
        await using var host = await TestHost.StartAsync(settings: OnCall);
        await Say(host, "alice", "/incident declare \"Checkout failing\" sev1");
        await Say(host, "alice", "/incident impact INC-1 08:50 checkout errors");
        await Say(host, "alice", "/incident detected INC-1 09:00");
        await host.AdvanceAsync(TimeSpan.FromMinutes(2));
        await Say(host, "alice", "/incident lead INC-1");
        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        await Say(host, "alice", "/incident page INC-1 ops");
        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        await Say(host, "bob", "/incident ack INC-1");
        await host.AdvanceAsync(TimeSpan.FromMinutes(16));
        await Say(host, "alice", "/incident mitigated INC-1");
        await host.AdvanceAsync(TimeSpan.FromMinutes(10));
        await Say(host, "alice", "/incident resolved INC-1");
        await Say(host, "alice", "/incident action INC-1 Add a canary for checkout @dan due 2026-11-28");
        await Say(host, "alice", "/incident close INC-1");
        await host.DrainOutboxAsync();

        host.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 10, 0, 0, TimeSpan.Zero));
        await host.DrainOutboxAsync();
        await Say(host, "carol", "/incident declare \"Search slow\" sev2");
        await Say(host, "carol", "/incident lead INC-2");
        await Say(host, "carol", "/incident page INC-2 ops");
        await host.AdvanceAsync(TimeSpan.FromMinutes(10));
        await Say(host, "carol", "/incident ack INC-2"); // bob's SEV2 page expired first, carol was paged next
        await host.AdvanceAsync(TimeSpan.FromMinutes(50));
        await Say(host, "carol", "/incident resolved INC-2");
        await Say(host, "dan", "/incident action INC-1 done 1");
        await host.DrainOutboxAsync();

        var json = await host.GetJsonAsync("/api/insights?weeks=3");
        var weeks = json["weeks"]!.AsArray();
        Assert.Equal(["2026-11-16", "2026-11-23", "2026-11-30"], weeks.Select(w => (string)w!["week"]!));
        Assert.Equal([0, 1, 1], weeks.Select(w => (int)w!["incidents"]!));

        var first = weeks[1]!["bySeverity"]!.AsArray().Single()!;
        Assert.Equal(1, (int)first["severity"]!);
        Assert.Equal(600, (double)first["detect"]!["median"]!);
        Assert.Equal(240, (double)first["acknowledge"]!["median"]!);
        Assert.Equal(1200, (double)first["mitigate"]!["p90"]!);
        Assert.Equal(1800, (double)first["resolve"]!["median"]!);
        Assert.Equal(120, (double)weeks[1]!["process"]!["withoutCommander"]!);

        var second = weeks[2]!["bySeverity"]!.AsArray().Single()!;
        Assert.Equal(2, (int)second["severity"]!);
        Assert.Equal(0, (int)second["detect"]!["count"]!);
        Assert.Null(second["detect"]!["median"]);
        Assert.Equal(600, (double)second["acknowledge"]!["median"]!);
        Assert.Equal(3600, (double)second["resolve"]!["median"]!);

        // The action: opened in week 1, overdue at its end (due Saturday), done in week 2, so none overdue now.
        Assert.Equal([0, 1, 0], weeks.Select(w => (int)w!["actions"]!["opened"]!));
        Assert.Equal([0, 1, 0], weeks.Select(w => (int)w!["actions"]!["overdue"]!));
        Assert.Equal([0, 0, 1], weeks.Select(w => (int)w!["actions"]!["done"]!));
        Assert.Equal(0, (int)json["overdueNow"]!);

        // The same numbers straight from Core, on the store's events.
        var store = host.Services.GetRequiredService<IIncidentQueries>();
        var report = Core.Insights.Insights.Compute(store.ListIncidents(false).Select(s => store.GetEvents(s.Number)), host.Clock.GetUtcNow(), 3);
        Assert.Equal(TimeSpan.FromMinutes(4), report.Weeks[1].BySeverity.Single().Acknowledge.Median);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("105")]
    public async Task Weeks_OutOfRange_Is400SayingWhatWorks(string weeks)
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Http.GetAsync($"/api/insights?weeks={weeks}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("between 1 and 104", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_AndChartJs_AreServedFromTheBot()
    {
        await using var host = await TestHost.StartAsync();

        var page = await host.Http.GetStringAsync("/insights");
        var chart = await host.Http.GetAsync("/insights/chart.umd.min.js");

        Assert.Contains("<script src=\"/insights/chart.umd.min.js\"></script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("http", page.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, chart.StatusCode);
        Assert.Contains("Chart.js v4.6.1", await chart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public void WeekOf_IsTheMondayUtc()
    {
        Assert.Equal(new DateOnly(2026, 11, 23), Core.Insights.Insights.WeekOf(new DateTimeOffset(2026, 11, 29, 23, 59, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 11, 30), Core.Insights.Insights.WeekOf(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero)));
        // Monday 01:00 at UTC+2 is still Sunday in UTC: weeks are UTC weeks, whoever asks.
        Assert.Equal(new DateOnly(2026, 11, 23), Core.Insights.Insights.WeekOf(new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.FromHours(2))));
    }

    private static async Task Say(TestHost host, string user, string text)
    {
        var reply = await host.SayAsync(user, "general", text);
        Assert.True(reply.Accepted, $"{text}: {reply.Text}");
        await host.DrainOutboxAsync();
    }
}
