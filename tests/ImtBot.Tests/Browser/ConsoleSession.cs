using ImtBot.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ImtBot.Tests.Browser;

/// <summary>
/// A host and one console page in headless Chromium, in a time zone and locale far from UTC and en-US so a test sees
/// whether the page formats times itself or leaves it to the browser. Collects the page's alerts instead of blocking.
/// </summary>
public sealed class ConsoleSession : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ConsoleSession(TestHost host, IPlaywright playwright, IBrowser browser, IPage page)
    {
        Host = host;
        _playwright = playwright;
        _browser = browser;
        Page = page;
        page.Dialog += async (_, dialog) =>
        {
            Alerts.Add(dialog.Message);
            await dialog.DismissAsync();
        };
    }

    public TestHost Host { get; }

    public IPage Page { get; }

    public List<string> Alerts { get; } = [];

    public static async Task<ConsoleSession> StartAsync(params string[] settings)
    {
        var chromium = await TestChromium.GetAsync();
        var host = await TestHost.StartAsync(settings: settings);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(chromium.LaunchOptions());
        var page = TestChromium.Patient(await browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 1000 },
            TimezoneId = "Pacific/Auckland",
            Locale = "de-DE",
        }));
        await page.GotoAsync(host.BaseAddress.ToString());
        await page.Locator("#channel-name", new PageLocatorOptions { HasText = "# general" }).WaitForAsync();
        return new ConsoleSession(host, playwright, browser, page);
    }

    /// <summary>Picks another user in the "You are" switcher.</summary>
    public Task SwitchUserAsync(string user) => Page.SelectOptionAsync("#user", user);

    /// <summary>The sidebar link of a channel.</summary>
    public ILocator NavItem(string channel) => Page.Locator($"nav a[data-channel='{channel}']");

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await Host.DisposeAsync();
    }
}
