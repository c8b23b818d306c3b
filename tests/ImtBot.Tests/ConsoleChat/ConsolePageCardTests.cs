using System.Text.Json.Nodes;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.ConsoleChat;

/// <summary>Page cards in the console: the direct message is edited in place when the page is answered or expires.</summary>
public class ConsolePageCardTests
{
    private static readonly string[] OnCall = ["Incidents:OnCall:ops:0=bob", "Incidents:OnCall:ops:1=carol"];

    private static async Task<string> DeclareAndPageAsync(TestHost host)
    {
        Assert.True((await host.SayAsync("alice", "general", "/incident declare \"Checkout failing\" sev1")).Accepted);
        await host.DrainOutboxAsync();
        var channels = await host.GetArrayAsync("/api/console/channels?user=alice");
        var channel = (string)channels.Single(c => (int?)c!["incident"] == 1)!["id"]!;
        Assert.True((await host.SayAsync("alice", channel, "/incident page ops")).Accepted);
        await host.DrainOutboxAsync();
        return channel;
    }

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => new[] { o }.Concat(o.SelectMany(p => Objects(p.Value))),
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };

    private static async Task<JsonNode> PageMessageAsync(TestHost host, string user) =>
        (await host.MessagesAsync("dm-" + user, user)).Single(m => m!["card"] is not null)!;

    [Fact]
    public async Task Acknowledged_TheSentPageCardIsEditedInPlace_WithoutButtons_AndLinksTheChannel()
    {
        await using var host = await TestHost.StartAsync(settings: OnCall);
        var channel = await DeclareAndPageAsync(host);
        var sent = await PageMessageAsync(host, "bob");
        Assert.Equal(2, Objects(sent["card"]).Count(o => (string?)o["type"] == "Action.Execute"));

        Assert.True((await host.SayAsync("bob", "dm-bob", "/incident ack INC-1")).Accepted);
        await host.DrainOutboxAsync();

        var edited = await PageMessageAsync(host, "bob");
        Assert.Equal((string?)sent["id"], (string?)edited["id"]);
        Assert.True((bool)edited["edited"]!);
        Assert.Contains("You acknowledged", (string)edited["text"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(Objects(edited["card"]), o => (string?)o["type"] == "Action.Execute");
        Assert.Contains(Objects(edited["card"]), o => (string?)o["text"] is { } t && t.StartsWith("You acknowledged this page", StringComparison.Ordinal));
        var link = Assert.Single(Objects(edited["card"]), o => (string?)o["type"] == "Action.OpenUrl");
        Assert.Equal("#/c/" + channel, (string?)link["url"]);
    }

    [Fact]
    public async Task Expired_TheSentPageCardSaysWhoIsPagedNext()
    {
        await using var host = await TestHost.StartAsync(settings: OnCall);
        await DeclareAndPageAsync(host);

        await host.AdvanceAsync(TimeSpan.FromMinutes(5)); // the SEV1 page timeout: bob's page expires, carol is paged
        await host.DrainOutboxAsync();

        var bob = await PageMessageAsync(host, "bob");
        Assert.True((bool)bob["edited"]!);
        Assert.DoesNotContain(Objects(bob["card"]), o => (string?)o["type"] == "Action.Execute");
        Assert.Contains(Objects(bob["card"]), o => (string?)o["text"] is { } t && t.Contains("expired without an answer", StringComparison.Ordinal) && t.Contains("is paged next", StringComparison.Ordinal));
        Assert.Equal(2, Objects((await PageMessageAsync(host, "carol"))["card"]).Count(o => (string?)o["type"] == "Action.Execute"));
    }
}
