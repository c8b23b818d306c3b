using System.Text.Json.Nodes;
using ImtBot.Slack.Testing;
using ImtBot.Tests.Alerts;

namespace ImtBot.Tests.Slack;

/// <summary>An alert page on Slack: the page card in the paged person's DM, its Acknowledge button, the card edited in place; no incident.</summary>
public class SlackAlertPageTests
{
    private static IEnumerable<JsonNode> Buttons(FakeCall message) =>
        message.Args["blocks"]!.AsArray()
            .Where(b => (string?)b!["type"] == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Where(e => (string?)e!["type"] == "button")
            .Select(e => e!);

    [Fact]
    public async Task PageRoute_PageCardInTheDm_AckButton_CardRedrawn_NoIncident()
    {
        await using var slack = await SlackHarness.StartAsync(false,
        [
            .. AlertHost.Settings.Where(s => !s.StartsWith("Incidents:OnCall", StringComparison.Ordinal)),
            "Alerts:Platform=slack", "Incidents:OnCall:ops:0=UBOB", "Incidents:OnCall:ops:1=UCAROL",
        ]);
        var host = slack.Host;

        (await host.PostAsync("/api/alerts/gen", AlertHost.Generic("q1"), AlertHost.GenericToken)).EnsureSuccessStatusCode();
        await host.DrainOutboxAsync();

        var page = Assert.Single(slack.Posts("DUBOB", "page"));
        Assert.Contains(SlackHarness.Strings(page.Args["blocks"]), s => s.Contains("You are paged for AP-1", StringComparison.Ordinal));
        Assert.Contains(SlackHarness.Strings(page.Args["blocks"]), s => s.Contains("Queue backlog", StringComparison.Ordinal));
        var buttons = Buttons(page).ToList();
        // Block Kit groups the buttons by style (primary, plain, danger); which ones there are is what counts.
        Assert.Equal(new[] { "ack AP-1", "decline AP-1", "declare AP-1", "silence AP-1 1h", "silence AP-1 4h" }.Order(), buttons.Select(b => (string?)b["value"]).Order());

        await slack.Deliver.InteractionAsync(SlackPayloads.Button("ack AP-1", actionTs: "1790000200.000001", channel: "DUBOB", user: "UBOB"));
        await host.DrainOutboxAsync();

        var redrawn = slack.Fake.CallsTo("chat.update").Last(c => c.Arg("channel") == "DUBOB");
        Assert.Contains(SlackHarness.Strings(redrawn.Args["blocks"]), s => s.Contains("You acknowledged this page", StringComparison.Ordinal));
        Assert.DoesNotContain(Buttons(redrawn), b => (string?)b["value"] == "ack AP-1");
        Assert.Empty(await host.GetArrayAsync("/api/incidents"));
        Assert.Equal("UBOB", (string?)(await host.GetJsonAsync("/api/alert-pages/AP-1"))["acknowledgedBy"]);
        Assert.DoesNotContain(slack.Fake.Channels.Values, c => c.Name.StartsWith("inc-", StringComparison.Ordinal));
    }
}
