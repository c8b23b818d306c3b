using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImtBot.Core.Commands;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.ConsoleChat;

/// <summary>What a first user of the console meets: the declare form, people who are not there, and text that hides itself.</summary>
public class ConsoleFirstUseTests
{
    [Theory]
    [InlineData("/incident")]
    [InlineData("/incident declare")]
    [InlineData("@ImtBot declare")]
    public async Task DeclareWithoutTitle_ShowsTheDeclareFormWhoseButtonDeclares(string typed)
    {
        await using var host = await TestHost.StartAsync();

        var reply = await host.SayAsync("alice", "general", typed);

        Assert.True(reply.Accepted, reply.Text);
        var form = (await host.MessagesAsync("general")).Last()!;
        Assert.Equal("AdaptiveCard", (string)form["card"]!["type"]!);
        Assert.DoesNotContain(await host.MessagesAsync("general", "bob"), m => m!["card"] is not null);
        var declare = Actions(form["card"]!).First(a => (string?)a["title"] == "Declare");
        var data = declare["data"]!.DeepClone().AsObject();
        data["text"] = "Checkout is failing sev2";
        var click = await host.Http.PostAsJsonAsync("/api/console/actions", new { user = "alice", messageId = (string)form["id"]!, data });
        click.EnsureSuccessStatusCode();

        var incident = await host.GetJsonAsync("/api/incidents/1");
        Assert.Equal("Checkout is failing", (string)incident["title"]!);
        Assert.Equal(2, (int)incident["severity"]!);
    }

    [Fact]
    public async Task RoleForSomeoneNotInTheConsole_RefusedWithTheClosestNamesAndNobodyPaged()
    {
        await using var host = await TestHost.StartAsync();
        await host.SayAsync("alice", "general", "/incident declare Webhooks delayed sev3");

        var reply = await host.SayAsync("alice", "general", "/incident role INC-1 ops @carl");

        Assert.False(reply.Accepted);
        Assert.Contains("nobody called @carl", reply.Text);
        Assert.Contains("Did you mean @carol (Carol Chen)", reply.Text);
        Assert.DoesNotContain("Paged", reply.Text);
        var incident = await host.GetJsonAsync("/api/incidents/1");
        Assert.Empty(incident["pages"]!.AsArray());
        var followed = await host.SayAsync("alice", "general", "/incident role INC-1 ops @carol");
        Assert.True(followed.Accepted, followed.Text);
    }

    [Fact]
    public async Task BidiAndZeroWidthCharacters_StrippedFromTitleAndNames_InTheCardAndTheReview()
    {
        await using var host = await TestHost.StartAsync(settings:
        [
            "Console:Users:0:Id=alice", "Console:Users:0:Name=Ali\u202Ece\u200B",
            "Console:Users:1:Id=bob", "Console:Users:1:Name=Bob Brown",
        ]);

        var declared = await host.SayAsync("alice", "general", "/incident declare \"Pay\u202Emen\u2066t\u2069 down\u200F\" sev2");
        Assert.True(declared.Accepted, declared.Text);
        await host.SayAsync("alice", "general", "/incident lead INC-1");
        await host.DrainOutboxAsync();

        var channels = await host.GetArrayAsync("/api/console/channels?user=alice");
        var channel = (string)channels.Single(c => (int?)c!["incident"] == 1)!["id"]!;
        var card = (await host.MessagesAsync(channel)).Single(m => (bool)m!["pinned"]!)!["card"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var review = await host.Http.GetStringAsync("/api/incidents/1/review.md");
        foreach (var text in new[] { card, review })
        {
            Assert.DoesNotContain(text, c => InvisibleCharacters.IsInvisible(c));
            Assert.Contains("Payment down", text);
            Assert.Contains("Alice", text);
        }
    }

    private static IEnumerable<JsonObject> Actions(JsonNode node) => node switch
    {
        JsonObject o when (string?)o["type"] is { } t && t.StartsWith("Action.", StringComparison.Ordinal) => [o, .. o.SelectMany(p => p.Value is null ? [] : Actions(p.Value))],
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : Actions(p.Value)),
        JsonArray a => a.SelectMany(n => n is null ? [] : Actions(n)),
        _ => [],
    };
}
