using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Alerts;

/// <summary>Silencing an alert page's fingerprint from its card or by command: counted, nobody paged, until it ends or is lifted.</summary>
public class AlertSilenceTests
{
    private static async Task<JsonObject> PageCardAsync(TestHost host, string user) =>
        (await host.MessagesAsync("dm-" + user, user)).Last(m => m!["card"] is not null)!.AsObject();

    private static async Task<int> CardCountAsync(TestHost host, string user) =>
        (await host.MessagesAsync("dm-" + user, user)).Count(m => m!["card"] is not null);

    private static IEnumerable<JsonNode> FindActions(JsonNode node) => node switch
    {
        JsonObject o when o["type"]?.GetValue<string>() is "Action.Execute" or "Action.Submit" => [o],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : FindActions(p.Value)),
        JsonArray a => a.OfType<JsonNode>().SelectMany(FindActions),
        _ => [],
    };

    private static async Task ClickAsync(TestHost host, string user, string title)
    {
        var card = await PageCardAsync(host, user);
        var action = FindActions(card["card"]!).First(a => (string?)a["title"] == title);
        (await host.Http.PostAsJsonAsync("/api/console/actions", new { user, messageId = (string)card["id"]!, data = action["data"] })).EnsureSuccessStatusCode();
        await host.DrainOutboxAsync();
    }

    private static async Task<string> PostAsync(TestHost host, string status = "firing")
    {
        var response = await host.PostAsync("/api/alerts/gen", AlertHost.Generic("q1", status: status), AlertHost.GenericToken);
        await host.DrainOutboxAsync();
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["alerts"]![0]!["result"]!;
    }

    [Fact]
    public async Task Silence1hFromTheCard_FiringIsCountedAndPagesNobody_UntilTheSilenceEnds()
    {
        await using var host = await AlertHost.StartAsync();
        await PostAsync(host);
        await ClickAsync(host, "bob", "Acknowledge");

        await ClickAsync(host, "bob", "Silence 1h");

        var silenced = await host.GetJsonAsync("/api/alert-pages/AP-1");
        Assert.Equal(TestHost.Epoch.AddHours(1), (DateTimeOffset)silenced["silencedUntil"]!);
        Assert.Equal("bob", (string?)silenced["silencedBy"]);
        Assert.Contains(silenced["history"]!.AsArray(), h => (string?)h!["type"] == "alert_page_silenced" && (string?)h["actor"] == "bob");
        Assert.Contains(FindActions((await PageCardAsync(host, "bob"))["card"]!), a => (string?)a["title"] == "Unsilence");

        Assert.Equal("resolved", await PostAsync(host, "resolved"));
        Assert.Equal("silenced", await PostAsync(host));
        Assert.Equal("silenced", await PostAsync(host));

        Assert.Single(await host.GetArrayAsync("/api/alert-pages"));
        Assert.Equal(3, (int)(await host.GetJsonAsync("/api/alert-pages/AP-1"))["count"]!);
        Assert.Equal(1, await CardCountAsync(host, "bob"));
        Assert.Empty(await host.GetArrayAsync("/api/incidents"));

        await host.AdvanceAsync(TimeSpan.FromMinutes(61));
        var ended = await host.GetJsonAsync("/api/alert-pages/AP-1");
        Assert.Null((DateTimeOffset?)ended["silencedUntil"]);
        Assert.Contains(ended["history"]!.AsArray(), h => (string?)h!["type"] == "alert_page_silence_ended");

        Assert.Equal("paged", await PostAsync(host));
        Assert.Equal(2, (await host.GetArrayAsync("/api/alert-pages")).Count);
        Assert.Equal(2, await CardCountAsync(host, "bob"));
    }

    [Fact]
    public async Task SilenceByCommand_ThenUnsilence_TheNextFiringPagesAgain_BothRecordedWithTheActor()
    {
        await using var host = await AlertHost.StartAsync();
        await PostAsync(host);

        var silence = await host.SayAsync("carol", "general", "/incident silence AP-1 4h");
        Assert.True(silence.Accepted, silence.Text);
        await host.DrainOutboxAsync();

        // Silencing ends the open page: nobody needs to answer it now.
        Assert.DoesNotContain(FindActions((await PageCardAsync(host, "bob"))["card"]!), a => (string?)a["title"] == "Acknowledge");
        Assert.Equal("resolved", await PostAsync(host, "resolved"));
        Assert.Equal("silenced", await PostAsync(host));
        Assert.Equal(1, await CardCountAsync(host, "bob"));

        Assert.True((await host.SayAsync("carol", "general", "/incident unsilence AP-1")).Accepted);
        Assert.False((await host.SayAsync("carol", "general", "/incident unsilence AP-1")).Accepted);
        var history = (await host.GetJsonAsync("/api/alert-pages/AP-1"))["history"]!.AsArray();
        Assert.Contains(history, h => (string?)h!["type"] == "alert_page_silenced" && (string?)h["actor"] == "carol");
        Assert.Contains(history, h => (string?)h!["type"] == "alert_page_unsilenced" && (string?)h["actor"] == "carol");

        // AP-1 resolved during the silence (its later firing was only counted): the next firing pages on a new alert page.
        Assert.Equal("paged", await PostAsync(host));
        Assert.Equal("AP-2", (string?)(await host.GetArrayAsync("/api/alert-pages"))[0]!["key"]);
        Assert.Equal(2, await CardCountAsync(host, "bob"));
    }

    [Theory]
    [InlineData("/incident silence AP-1 2w")]
    [InlineData("/incident silence AP-1 8d")]
    [InlineData("/incident silence")]
    public async Task BadSilence_SaysWhatWouldWork_AndChangesNothing(string text)
    {
        await using var host = await AlertHost.StartAsync();
        await PostAsync(host);

        var reply = await host.SayAsync("bob", "dm-bob", text);

        Assert.False(reply.Accepted);
        Assert.Contains("silence AP-<n>", reply.Text, StringComparison.Ordinal);
        Assert.Null((DateTimeOffset?)(await host.GetJsonAsync("/api/alert-pages/AP-1"))["silencedUntil"]);
    }
}
