using ImtBot.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ImtBot.Tests.Browser;

/// <summary>
/// A drill as the team sees it in the console: the <c>drill-…</c> channel, the card marked DRILL and the injects posted
/// by their named sources on the fake clock. Saves the README's picture of a drill channel (docs/drill.png).
/// </summary>
public class DrillBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Drill_ChannelShowsDrillCardAndInjects_SavesScreenshot()
    {
        var chromium = await TestChromium.GetAsync();
        output.WriteLine("Chromium: " + chromium.Description);
        var clock = new FakeTimeProvider(TestHost.Epoch);
        await using var host = await TestHost.StartAsync(clock: clock, settings: "Drills:Path=" + Path.Combine(RepositoryRoot.Path, "drills"));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(chromium.LaunchOptions());
        var page = TestChromium.Patient(await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } }));
        await page.GotoAsync(host.BaseAddress.ToString());

        await page.FillAsync("#composer-input", "/incident drill database-failover @carol");
        await page.PressAsync("#composer-input", "Enter");

        // The outbox runs when the test says (fake clock): once the declaration is answered, open the channel.
        await page.Locator(".message").Filter(new LocatorFilterOptions { HasText = "INC-1" }).First.WaitForAsync();
        await host.DrainOutboxAsync();

        var channelLink = page.Locator("#channels a.incident-channel").Filter(new LocatorFilterOptions { HasText = "drill-1-" }).First;
        await channelLink.WaitForAsync();
        await channelLink.ClickAsync();
        await page.Locator(".message .card .ac-adaptiveCard").First.WaitForAsync();

        // Alice takes command, then the clock reaches the second inject (4 minutes in).
        var channel = (string)(await host.GetArrayAsync("/api/console/channels?user=alice")).Single(c => (int?)c!["incident"] == 1)!["id"]!;
        Assert.True((await host.SayAsync("alice", channel, "/incident lead")).Accepted);
        await host.AdvanceAsync(TimeSpan.FromMinutes(4));
        await page.Locator(".message .text").Filter(new LocatorFilterOptions { HasText = "is now commander" }).First.WaitForAsync();
        var secondInject = page.Locator(".message").Filter(new LocatorFilterOptions { HasText = "inject 2/" }).First;
        await secondInject.WaitForAsync();

        var channelText = await page.InnerTextAsync("#messages");
        Assert.Contains("DRILL", channelText, StringComparison.Ordinal);
        Assert.Contains("inject 1/", channelText, StringComparison.Ordinal);
        Assert.Contains("DRILL", await page.Locator(".message .card").First.InnerTextAsync(), StringComparison.Ordinal);

        await page.EvaluateAsync("document.getElementById('messages').scrollTop = 0");
        var bytes = await DocsScreenshots.SaveAsync(page, "drill.png");
        Assert.True(bytes.Length > 10_000);
    }
}
