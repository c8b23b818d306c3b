using System.Net.Http.Json;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.ConsoleChat;

/// <summary>Concurrent commands through the host: many simultaneous resolves of one incident land exactly once.</summary>
public class ConcurrencyTests
{
    [Fact]
    public async Task HundredConcurrentResolves_ExactlyOneResolvedEventAndOneAnnouncement()
    {
        await using var host = await TestHost.StartAsync();
        await host.SayAsync("alice", "general", "/incident declare Login failures sev2");
        await host.DrainOutboxAsync();
        var announcementsBefore = (await host.MessagesAsync("announcements")).Count;

        var replies = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            var user = new[] { "alice", "bob", "carol", "dan", "erin" }[i % 5];
            var response = await host.Http.PostAsJsonAsync("/api/console/messages", new { user, channel = "general", text = "/incident resolved INC-1", id = "resolve-" + i });
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["replies"]![0]!;
        }));
        await host.DrainOutboxAsync();

        Assert.Single(replies, r => (bool)r!["accepted"]!);
        var timeline = await host.GetArrayAsync("/api/incidents/1/timeline");
        Assert.Single(timeline, e => (string)e!["type"]! == "status_changed" && (string)e["data"]!["to"]! == "resolved");
        Assert.Equal("Resolved", (string)(await host.GetJsonAsync("/api/incidents/1"))["state"]!);
        Assert.Equal(announcementsBefore + 1, (await host.MessagesAsync("announcements")).Count);
        Assert.True((bool)(await host.GetJsonAsync("/api/incidents/1/audit"))["valid"]!);
    }
}
