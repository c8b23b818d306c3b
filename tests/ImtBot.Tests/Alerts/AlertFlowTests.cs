using System.Text.Json.Nodes;
using ImtBot.Core.Alerts;
using ImtBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Tests.Alerts;

/// <summary>Alerts through the real host into incidents, channels and pages; heartbeats missed and back; on the fake clock.</summary>
public class AlertFlowTests
{
    private static async Task<string> ChannelOfAsync(TestHost host, int incident)
    {
        var channels = await host.GetArrayAsync("/api/console/channels?user=alice");
        return (string)channels.Single(c => (int?)c!["incident"] == incident)!["id"]!;
    }

    private static async Task<string[]> TextsAsync(TestHost host, string channel, string user = "alice") =>
        (await host.MessagesAsync(channel, user)).Select(m => (string)m!["text"]!).ToArray();

    [Fact]
    public async Task EveryAlertResolves_TheChannelIsTold_AndTheIncidentStaysOpen()
    {
        await using var host = await AlertHost.StartAsync();
        await host.PostAsync("/api/alerts/am", AlertHost.Fixture("alertmanager-v4.json"), AlertHost.AlertmanagerToken);
        await host.DrainOutboxAsync();
        var resolvedOne = AlertHost.Fixture("alertmanager-v4.json").Replace("\"status\": \"firing\",\n      \"labels\": { \"alertname\": \"HighErrorRate\", \"instance\": \"checkout-1", "\"status\": \"resolved\",\n      \"labels\": { \"alertname\": \"HighErrorRate\", \"instance\": \"checkout-1", StringComparison.Ordinal);
        var resolvedBoth = resolvedOne.Replace("\"status\": \"firing\"", "\"status\": \"resolved\"", StringComparison.Ordinal);
        Assert.NotEqual(resolvedOne, AlertHost.Fixture("alertmanager-v4.json"));

        await host.PostAsync("/api/alerts/am", resolvedOne, AlertHost.AlertmanagerToken);
        await host.DrainOutboxAsync();
        var channel = await ChannelOfAsync(host, 1);
        Assert.DoesNotContain(await TextsAsync(host, channel), t => t.Contains("Every alert", StringComparison.Ordinal));
        var alerts = await host.GetJsonAsync("/api/incidents/1/alerts");
        Assert.Equal([false, true], alerts["alerts"]!.AsArray().Select(a => (bool)a!["firing"]!));
        var card = (await host.MessagesAsync(channel)).Last(m => m!["card"] is not null && ((string)m["text"]!).StartsWith("INC-1 ", StringComparison.Ordinal))!["card"]!.ToJsonString();
        Assert.Contains("🔔 Firing: Checkout returns 5xx", System.Text.RegularExpressions.Regex.Unescape(card));
        Assert.Contains("🔔 Resolved 09:00 UTC: Checkout returns 5xx", System.Text.RegularExpressions.Regex.Unescape(card));

        await host.PostAsync("/api/alerts/am", resolvedBoth, AlertHost.AlertmanagerToken);
        await host.DrainOutboxAsync();

        var texts = await TextsAsync(host, channel);
        Assert.Single(texts, t => t.StartsWith("Every alert of INC-1 has resolved", StringComparison.Ordinal));
        Assert.Equal(2, texts.Count(t => t.StartsWith("Alert resolved: Checkout returns 5xx", StringComparison.Ordinal)));
        Assert.Equal("Declared", (string?)(await host.GetJsonAsync("/api/incidents/1"))["state"]);
        Assert.Equal(TestHost.Epoch, (DateTimeOffset)(await host.GetJsonAsync("/api/incidents/1/alerts"))["firstAlertAt"]!);
    }

    [Fact]
    public async Task Heartbeat_MissedPagesTheRoleOnceNamingIt_AndItsReturnIsAnnounced()
    {
        await using var host = await AlertHost.StartAsync(
            "Alerts:Heartbeats:nightly-backup:Interval=00:10:00", "Alerts:Heartbeats:nightly-backup:Token=hb-token-0123456789abcdef");
        var monitor = host.Services.GetRequiredService<HeartbeatMonitor>();
        await monitor.CheckAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.PostAsync("/api/heartbeats/nightly-backup", "", "hb-token-0123456789abcdef")).StatusCode);

        await host.AdvanceAsync(TimeSpan.FromMinutes(9));
        Assert.Equal(0, await monitor.CheckAsync());
        Assert.Empty(await host.GetArrayAsync("/api/incidents"));

        await host.AdvanceAsync(TimeSpan.FromMinutes(2));
        await monitor.CheckAsync();
        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await monitor.CheckAsync());
        await host.DrainOutboxAsync();

        // A stopped heartbeat pages on an alert page: no incident.
        Assert.Empty(await host.GetArrayAsync("/api/incidents"));
        var alertPage = Assert.Single(await host.GetArrayAsync("/api/alert-pages"))!;
        Assert.StartsWith("Heartbeat nightly-backup stopped", (string)alertPage["title"]!);
        Assert.Single(alertPage["pages"]!.AsArray());
        Assert.Contains("nightly-backup", (string)(await host.MessagesAsync("dm-bob", "bob")).Single(m => m!["card"] is not null)!["text"]! +
            (await host.MessagesAsync("dm-bob", "bob")).Single(m => m!["card"] is not null)!["card"]!.ToJsonString());

        var back = JsonNode.Parse(await (await host.PostAsync("/api/heartbeats/nightly-backup", "", "hb-token-0123456789abcdef")).Content.ReadAsStringAsync())!;
        await host.DrainOutboxAsync();

        Assert.True((bool)back["returned"]!);
        Assert.Contains(await TextsAsync(host, "announcements"), t => t.StartsWith("Heartbeat nightly-backup is back (AP-1)", StringComparison.Ordinal));
        Assert.False((bool)(await host.GetJsonAsync("/api/alert-pages/AP-1"))["firing"]!);
    }

    [Fact]
    public async Task Heartbeat_WrongToken_401_AndUnknown_404()
    {
        await using var host = await AlertHost.StartAsync(
            "Alerts:Heartbeats:cron:Interval=00:10:00", "Alerts:Heartbeats:cron:Token=hb-token-0123456789abcdef");

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await host.PostAsync("/api/heartbeats/cron", "", "nope-0123456789abcdef")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await host.PostAsync("/api/heartbeats/other", "", "hb-token-0123456789abcdef")).StatusCode);
    }
}
