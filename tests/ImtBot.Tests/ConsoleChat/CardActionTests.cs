using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.ConsoleChat;

/// <summary>Buttons on the cards the console shows are commands: clicking one is the same as typing it.</summary>
public class CardActionTests
{
    [Fact]
    public async Task RoleAssigned_PagedPersonClicksAcknowledgeOnThePageCard_HoldsTheRole()
    {
        await using var host = await TestHost.StartAsync();
        await host.SayAsync("alice", "general", "/incident declare Webhooks delayed sev3");
        await host.SayAsync("alice", "general", "/incident role INC-1 ops @bob");
        await host.DrainOutboxAsync();

        var page = (await host.MessagesAsync("dm-bob", "bob")).Single(m => m!["card"] is not null)!;
        // The first one: an Action.Execute whose fallback (an Action.Submit with the same data) is nested in it.
        var acknowledge = Actions(page["card"]!).First(a => (string?)a["title"] == "Acknowledge");
        var click = await host.Http.PostAsJsonAsync("/api/console/actions", new { user = "bob", messageId = (string)page["id"]!, data = acknowledge["data"] });
        click.EnsureSuccessStatusCode();

        var incident = await host.GetJsonAsync("/api/incidents/1");
        Assert.Equal("bob", (string)incident["roles"]!.AsArray().Single(r => (string)r!["role"]! == "ops")!["holder"]!["id"]!);
        Assert.Equal("Acknowledged", (string)incident["pages"]!.AsArray().Single()!["status"]!);
    }

    [Fact]
    public async Task ClickBySomeoneWhoCannotSeeTheMessage_404AndNothingChanges()
    {
        await using var host = await TestHost.StartAsync();
        await host.SayAsync("alice", "general", "/incident declare Webhooks delayed sev3");
        await host.SayAsync("alice", "general", "/incident role INC-1 ops @bob");
        await host.DrainOutboxAsync();
        var page = (await host.MessagesAsync("dm-bob", "bob")).Single(m => m!["card"] is not null)!;

        var click = await host.Http.PostAsJsonAsync("/api/console/actions", new { user = "carol", messageId = (string)page["id"]!, data = new { command = "ack INC-1" } });

        // Carol cannot see Bob's direct messages, so she cannot click his page.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, click.StatusCode);
        Assert.Equal("Paged", (string)(await host.GetJsonAsync("/api/incidents/1"))["pages"]!.AsArray().Single()!["status"]!);
    }

    [Fact]
    public async Task SameClickDeliveredTwice_AppliedOnceAndAnsweredOnce()
    {
        await using var host = await TestHost.StartAsync();
        await host.SayAsync("alice", "general", "/incident declare Webhooks delayed sev3");
        await host.SayAsync("alice", "general", "/incident role INC-1 ops @bob");
        await host.DrainOutboxAsync();
        var page = (await host.MessagesAsync("dm-bob", "bob")).Single(m => m!["card"] is not null)!;
        var body = new { user = "bob", messageId = (string)page["id"]!, data = new { command = "ack INC-1" }, id = "click-1" };

        var first = await (await host.Http.PostAsJsonAsync("/api/console/actions", body)).Content.ReadFromJsonAsync<JsonObject>();
        var events = (await host.GetArrayAsync("/api/incidents/1/timeline")).Count;
        var second = await (await host.Http.PostAsJsonAsync("/api/console/actions", body)).Content.ReadFromJsonAsync<JsonObject>();

        var text = (string)first!["replies"]![0]!["text"]!;
        Assert.Equal(text, (string)second!["replies"]![0]!["text"]!);
        Assert.Null((string?)second["replies"]![0]!["message"]);
        Assert.Single(await host.MessagesAsync("dm-bob", "bob"), m => (string)m!["user"]! == "imtbot" && (string)m["text"]! == text);
        Assert.Equal(events, (await host.GetArrayAsync("/api/incidents/1/timeline")).Count);
    }

    /// <summary>Every action anywhere in an Adaptive Card (body action sets and the card's own actions).</summary>
    private static IEnumerable<JsonObject> Actions(JsonNode node) => node switch
    {
        JsonObject o when ((string?)o["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true => [o, .. o.SelectMany(p => p.Value is null ? [] : Actions(p.Value))],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Actions(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Actions(n)),
        _ => [],
    };
}
