using System.Net;
using System.Text.RegularExpressions;
using ImtBot.ConsoleChat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ImtBot.Tests.Browser;

/// <summary>
/// The console page stays right as its user changes and as things happen elsewhere: whose messages it shows, which
/// unread badges, who did what on the incident page, and one time format with its zone on every surface.
/// </summary>
public class ConsoleCorrectnessBrowserTests
{
    private static readonly string[] OnCall = ["Incidents:OnCall:ops:0=bob"];

    [Fact]
    public async Task SwitchUser_WhileInTheirDirectMessages_GoesToGeneralAndHidesThem()
    {
        await using var s = await ConsoleSession.StartAsync();
        var chat = s.Host.Services.GetRequiredService<ConsoleChatService>();
        await chat.EnsureDirectChannelAsync("alice");
        await chat.PostAsBotAsync("dm-alice", "Private to Alice: the escalation phone is 555-0101");

        await s.NavItem("dm-alice").ClickAsync();
        await s.Page.Locator(".message .text", new PageLocatorOptions { HasText = "Private to Alice" }).WaitForAsync();

        await s.SwitchUserAsync("bob");
        await s.Page.Locator("#channel-name", new PageLocatorOptions { HasText = "# general" }).WaitForAsync();
        Assert.EndsWith("#/c/general", s.Page.Url);
        Assert.DoesNotContain("Private to Alice", await s.Page.InnerTextAsync("#messages"));

        // Bob can type where he now is.
        await s.Page.FillAsync("#composer-input", "hello from bob");
        await s.Page.PressAsync("#composer-input", "Enter");
        await s.Page.Locator(".message .text", new PageLocatorOptions { HasText = "hello from bob" }).WaitForAsync();
        Assert.Empty(s.Alerts);

        // A channel the new user may see too stays open.
        await s.NavItem("announcements").ClickAsync();
        await s.Page.Locator("#channel-name", new PageLocatorOptions { HasText = "# announcements" }).WaitForAsync();
        await s.SwitchUserAsync("carol");
        await s.NavItem("announcements").And(s.Page.Locator(".active")).WaitForAsync();
        Assert.EndsWith("#/c/announcements", s.Page.Url);
        Assert.Equal("# announcements", await s.Page.InnerTextAsync("#channel-name"));
    }

    [Fact]
    public async Task IncidentPage_TimelineNamesTheActor_AndAnUnknownNumberSaysSo()
    {
        await using var s = await ConsoleSession.StartAsync();
        Assert.True((await s.Host.SayAsync("alice", "general", "/incident declare \"Checkout failing\" sev1")).Accepted);
        Assert.True((await s.Host.SayAsync("bob", "general", "/incident lead INC-1")).Accepted);

        await s.Page.EvaluateAsync("location.hash = '#/incidents/1'");
        var timeline = s.Page.Locator("#incident-timeline");
        await timeline.Locator("li", new LocatorLocatorOptions { HasText = "took the commander role" }).WaitForAsync();
        Assert.Contains("Bob Brown took the commander role", await timeline.InnerTextAsync());

        await s.Page.EvaluateAsync("location.hash = '#/incidents/999'");
        await s.Page.Locator("#incident-title", new PageLocatorOptions { HasText = "No such incident: INC-999" }).WaitForAsync();
        Assert.DoesNotContain("Checkout failing", await s.Page.InnerTextAsync("#incident-view"));
    }

    [Fact]
    public async Task UnreadBadges_AreKeptPerUser_AndANewPageShowsOne()
    {
        await using var s = await ConsoleSession.StartAsync(OnCall);
        Assert.True((await s.Host.SayAsync("alice", "general", "/incident declare \"Checkout failing\" sev1")).Accepted);

        // Alice (on screen) pages Bob; his direct messages get the page while someone else is looking.
        Assert.True((await s.Host.SayAsync("alice", await IncidentChannelAsync(s), "/incident page ops")).Accepted);
        await s.Host.DrainOutboxAsync();
        await s.SwitchUserAsync("bob");
        var dmBadge = s.NavItem("dm-bob").Locator(".badge");
        await dmBadge.WaitForAsync();

        // Carol posts in #announcements (where INC-1 was announced): Bob's count there goes up by one, live, and both
        // his counts are still there after Alice has had the page in between.
        var announced = await s.NavItem("announcements").Locator(".badge").InnerTextAsync();
        var expected = (int.Parse(announced, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await s.Host.Http.PostAsync("/api/console/messages", JsonContent("""{"user":"carol","channel":"announcements","text":"status page is green"}"""));
        var announcementsBadge = s.NavItem("announcements").Locator(".badge", new LocatorLocatorOptions { HasTextRegex = new Regex($"^{expected}$") });
        await announcementsBadge.WaitForAsync();
        await s.SwitchUserAsync("alice");
        await s.Page.Locator("#channel-name", new PageLocatorOptions { HasText = "# general" }).WaitForAsync();
        await s.SwitchUserAsync("bob");
        await dmBadge.WaitForAsync();
        await announcementsBadge.WaitForAsync();

        // Opening the page's DM reads it: the badge goes.
        await s.NavItem("dm-bob").ClickAsync();
        await s.Page.Locator(".message .card").First.WaitForAsync();
        await dmBadge.WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
    }

    [Fact]
    public async Task Layout_SidebarNamesAlignAndBadgesStaySmall_ButtonsAndRoleNamesFit()
    {
        await using var s = await ConsoleSession.StartAsync(OnCall);
        Assert.True((await s.Host.SayAsync("alice", "general", "/incident declare \"Checkout failing for EU customers\" sev1")).Accepted);
        Assert.True((await s.Host.SayAsync("alice", await IncidentChannelAsync(s), "/incident page ops")).Accepted);
        await s.Host.DrainOutboxAsync();
        await s.Host.Http.PostAsync("/api/console/messages", JsonContent("""{"user":"carol","channel":"announcements","text":"status page is green"}"""));

        // Names start at the same left edge whether or not the channel is an incident's and has a badge.
        var incident = s.Page.Locator("#channels a.incident-channel").First;
        await incident.WaitForAsync();
        var badge = s.NavItem("announcements").Locator(".badge");
        await badge.WaitForAsync();
        var plainName = await Box(s.NavItem("general").Locator(".name"));
        var incidentName = await Box(incident.Locator(".name"));
        var announcementsName = await Box(s.NavItem("announcements").Locator(".name"));
        Assert.Equal(plainName.X, incidentName.X, tolerance: 1.0);
        Assert.Equal(plainName.X, announcementsName.X, tolerance: 1.0);
        Assert.True((await Box(badge)).Height <= 20, "the badge keeps its own height");

        // On the incident card every role name is whole; on the page card, "Acknowledge" stays on one line.
        await incident.ClickAsync();
        var card = s.Page.Locator(".message .card").First;
        await card.WaitForAsync();
        await s.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DocsScreenshots.OutputFolder, "layout-incident-card.png") });
        var roleLabel = card.Locator(".ac-textBlock", new LocatorLocatorOptions { HasTextRegex = new Regex("^Communications") }).First;
        Assert.Equal("Communications lead", await roleLabel.InnerTextAsync());
        Assert.True(await roleLabel.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"), "the role name is not cut off");

        await s.SwitchUserAsync("bob");
        await s.NavItem("dm-bob").ClickAsync();
        var ack = s.Page.Locator(".message .card button", new PageLocatorOptions { HasText = "Acknowledge" }).First;
        await ack.WaitForAsync();
        await s.Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DocsScreenshots.OutputFolder, "layout-page-card.png") });
        var lineHeight = await ack.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).lineHeight) || 20");
        Assert.True((await Box(ack)).Height < 2 * lineHeight, "Acknowledge fits on one line");
    }

    [Fact]
    public async Task Favicon_IsServed()
    {
        await using var s = await ConsoleSession.StartAsync();
        using var response = await s.Host.Http.GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("image/", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Times_OneFormatWithTheZone_OnEverySurface_AndOneWordForTheKind()
    {
        await using var s = await ConsoleSession.StartAsync();
        s.Host.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True((await s.Host.SayAsync("alice", "general", "/incident declare \"Checkout failing\" sev1")).Accepted);
        await s.Host.DrainOutboxAsync();
        const string Declared = "2026-11-27 09:05 UTC";

        // Chat: the declaration as it was typed, and the card in the incident channel.
        await s.Page.Locator(".message .text", new PageLocatorOptions { HasText = "/incident declare" }).WaitForAsync();
        Assert.All(await s.Page.Locator(".message .time").AllInnerTextsAsync(), t => Assert.Equal(Declared, t));
        await s.Page.Locator("#channels a.incident-channel").First.ClickAsync();
        var card = s.Page.Locator(".message .card").First;
        await card.WaitForAsync();
        Assert.Contains(Declared, await card.InnerTextAsync());
        Assert.Contains("Normal", await card.InnerTextAsync());

        // The list and the incident page.
        await s.Page.ClickAsync("#incidents-link");
        var row = s.Page.Locator("#incident-table tbody tr[data-number='1']");
        await row.WaitForAsync();
        Assert.Contains(Declared, await row.InnerTextAsync());
        await row.ClickAsync();
        await s.Page.Locator("#incident-audit .ok").WaitForAsync();
        var meta = await s.Page.InnerTextAsync("#incident-meta");
        Assert.Contains("declared " + Declared, meta);
        Assert.Contains("Normal", meta);
        Assert.StartsWith(Declared, await s.Page.Locator("#incident-timeline li").First.InnerTextAsync());
    }

    /// <summary>INC-1's channel, once the outbox has opened it.</summary>
    private static async Task<string> IncidentChannelAsync(ConsoleSession s)
    {
        await s.Host.DrainOutboxAsync();
        return (string)(await s.Host.GetArrayAsync("/api/console/channels?user=alice")).First(c => (int?)c!["incident"] == 1)!["id"]!;
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>
    /// The element's box. The sidebar is re-rendered on live events, and a box read while its element is being replaced
    /// comes back null: wait for the element again (Playwright's own wait, not a sleep) a few times before giving up.
    /// </summary>
    private static async Task<LocatorBoundingBoxResult> Box(ILocator locator)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await locator.WaitForAsync();
            if (await locator.BoundingBoxAsync() is { } box)
            {
                return box;
            }
        }

        throw new InvalidOperationException("not on screen");
    }
}
