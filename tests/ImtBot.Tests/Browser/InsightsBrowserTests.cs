using Microsoft.Playwright;

namespace ImtBot.Tests.Browser;

/// <summary>
/// The insights page in headless Chromium: every chart drawn (Chart.js from the bot itself, no CSP violation) with its
/// table of numbers, after a few scripted incidents and a drill; saves docs/insights.png.
/// </summary>
public class InsightsBrowserTests
{
    [Fact]
    public async Task Insights_DrawsEachChartWithItsTable_AndSavesTheScreenshot()
    {
        await using var s = await ConsoleSession.StartAsync("Incidents:OnCall:ops:0=bob");
        var host = s.Host;
        var errors = new List<string>();
        s.Page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };

        await Script(host, "alice", "/incident declare \"Checkout failing\" sev1");
        await Script(host, "alice", "/incident lead INC-1");
        await Script(host, "alice", "/incident page INC-1 ops");
        await host.AdvanceAsync(TimeSpan.FromMinutes(3));
        await Script(host, "bob", "/incident ack INC-1");
        await host.AdvanceAsync(TimeSpan.FromMinutes(12));
        await Script(host, "alice", "/incident mitigated INC-1");
        await host.AdvanceAsync(TimeSpan.FromMinutes(20));
        await Script(host, "alice", "/incident resolved INC-1");
        await Script(host, "alice", "/incident action INC-1 Add a canary for checkout @dan due 2026-12-04");
        await Script(host, "alice", "/incident declare \"Search slow\" sev3");
        await host.AdvanceAsync(TimeSpan.FromMinutes(45));
        await Script(host, "alice", "/incident resolved INC-2");
        await Script(host, "carol", "/incident drill database-failover");

        await s.Page.SetViewportSizeAsync(1280, 2900);
        await s.Page.GotoAsync(new Uri(host.BaseAddress, "/insights").ToString());
        await s.Page.Locator("body[data-ready='true']").WaitForAsync();

        foreach (var id in new[] { "per-week", "detect", "acknowledge", "mitigate", "resolve", "adherence", "actions", "drills" })
        {
            Assert.True(await s.Page.Locator($"#{id}-chart").EvaluateAsync<bool>("c => Chart.getChart(c) !== undefined && c.width > 0"), $"{id}: no chart");
            Assert.True(await s.Page.Locator($"#{id}-table tbody tr").CountAsync() > 0, $"{id}: no rows");
        }

        var acknowledge = await s.Page.InnerTextAsync("#acknowledge-table");
        Assert.Contains("3 min", acknowledge, StringComparison.Ordinal);
        Assert.Contains("database-failover", await s.Page.InnerTextAsync("#drills-table"), StringComparison.Ordinal);
        Assert.Empty(errors);

        var bytes = await DocsScreenshots.SaveAsync(s.Page, "insights.png");
        Assert.True(bytes.Length > 10_000);
    }

    private static async Task Script(Infrastructure.TestHost host, string user, string text)
    {
        var reply = await host.SayAsync(user, "general", text);
        Assert.True(reply.Accepted, $"{text}: {reply.Text}");
        await host.DrainOutboxAsync();
    }
}
