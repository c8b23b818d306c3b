using ImtBot.Tests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ImtBot.Tests.Browser;

/// <summary>
/// The console in a real browser (headless Chromium driven by Playwright; <see cref="TestChromium"/> says which):
/// type a declaration in the composer, see the incident channel and its card appear live, click a card button, and
/// take the screenshots the README shows (<see cref="DocsScreenshots"/> says where they go).
/// </summary>
public class ConsoleBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Console_DeclareInComposerAndClickCardButton_TakesCommandAndSavesScreenshot()
    {
        var chromium = await TestChromium.GetAsync();
        output.WriteLine("Chromium: " + chromium.Description);
        await using var host = await TestHost.StartAsync(settings: ["Dispatcher:Enabled=true", "Incidents:OnCall:ops:0=bob"]);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(chromium.LaunchOptions());
        var page = TestChromium.Patient(await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } }));
        await page.GotoAsync(host.BaseAddress.ToString());

        await page.FillAsync("#composer-input", "/incident declare \"Checkout failing for EU customers\" sev1");
        await page.PressAsync("#composer-input", "Enter");

        // The bot's channel appears in the sidebar (live, over server-sent events); open it and wait for the card.
        var channelLink = page.Locator("#channels a.incident-channel").First;
        await channelLink.WaitForAsync();
        await channelLink.ClickAsync();
        var card = page.Locator(".message .card .ac-adaptiveCard").First;
        await card.WaitForAsync();

        // Click the card's "take command" button: the card is re-rendered with Alice as commander.
        await card.Locator("button", new LocatorLocatorOptions { HasText = "Take command" }).First.ClickAsync();
        await page.Locator(".message .text").Filter(new LocatorFilterOptions { HasText = "is now commander" }).First.WaitForAsync();

        var incident = await host.GetJsonAsync("/api/incidents/1");
        Assert.Equal("alice", (string)incident["roles"]!.AsArray().Single(r => (string)r!["role"]! == "commander")!["holder"]!["id"]!);

        await page.FillAsync("#composer-input", "/incident update Rolled back the 09:00 deploy; error rate falling");
        await page.PressAsync("#composer-input", "Enter");
        await page.Locator(".message .card").Filter(new LocatorFilterOptions { HasText = "Rolled back" }).First.WaitForAsync();

        // The picture for the README: the channel from the top, with the pinned incident card as everyone sees it now.
        await page.EvaluateAsync("document.getElementById('messages').scrollTop = 0");
        var bytes = await DocsScreenshots.SaveAsync(page, "console.png");
        Assert.True(bytes.Length > 10_000);

        // The incident page: roles, a verified chain, the timeline and the review with its download link.
        await page.ClickAsync("#incidents-link");
        await page.Locator("#incident-table tbody tr[data-number='1']").ClickAsync();
        await page.Locator("#incident-audit .ok").WaitForAsync();
        Assert.Contains("Alice Adams", await page.InnerTextAsync("#incident-roles"));
        Assert.Contains("Checkout failing for EU customers", await page.InnerTextAsync("#incident-review"));
        Assert.Equal("/api/incidents/1/review.md", await page.GetAttributeAsync("#review-download", "href"));
        await DocsScreenshots.SaveAsync(page, "incident-page.png");
    }
}
