using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Dispatch;

/// <summary>Pending outbox steps and timers survive a restart of the host on the same database.</summary>
public class RestartTests
{
    [Fact]
    public async Task Restart_WithPendingSteps_StepsRunOnceAfterRestart()
    {
        string database;
        await using (var first = await TestHost.StartAsync())
        {
            database = first.DatabasePath;
            Assert.True((await first.SayAsync("alice", "general", "/incident declare Disk full on db-3 sev2")).Accepted);

            // Stopped before the outbox ran: nothing was posted yet.
            Assert.DoesNotContain(await first.GetArrayAsync("/api/console/channels?user=alice"), c => (int?)c!["incident"] == 1);
        }

        await using var second = await TestHost.StartAsync(database);
        await second.DrainOutboxAsync();
        await second.DrainOutboxAsync();

        var channels = await second.GetArrayAsync("/api/console/channels?user=alice");
        var channel = (string)channels.Single(c => (int?)c!["incident"] == 1)!["id"]!;
        Assert.Single(await second.MessagesAsync(channel), m => (bool)m!["pinned"]!);
        Assert.Single(await second.MessagesAsync("announcements"), m => ((string)m!["text"]!).Contains("INC-1"));
    }

    // The inbox's dedupe keys live in memory over numbered documents: they are rebuilt from the file at open.
    [Fact]
    public async Task Restart_SameMessageDeliveredAgain_AnsweredWithTheFirstReplyAndAppliedOnce()
    {
        var message = new { id = "m-restart-1", user = "alice", channel = "general", text = "/incident declare Queue backlog sev2" };
        string database;
        string firstReply;
        await using (var first = await TestHost.StartAsync())
        {
            database = first.DatabasePath;
            var response = await first.Http.PostAsJsonAsync("/api/console/messages", message);
            firstReply = (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["replies"]![0]!["text"]!;
        }

        await using var second = await TestHost.StartAsync(database);
        var again = await second.Http.PostAsJsonAsync("/api/console/messages", message);
        var againReply = (string)(await again.Content.ReadFromJsonAsync<JsonObject>())!["replies"]![0]!["text"]!;

        Assert.Contains("INC-1", firstReply, StringComparison.Ordinal);
        Assert.Equal(firstReply, againReply);
        Assert.Single(await second.GetArrayAsync("/api/incidents"));
    }

    [Fact]
    public async Task Restart_MidPageChain_NextPageSentOnceWhenDue()
    {
        string[] onCall = ["Incidents:OnCall:ops:0=bob", "Incidents:OnCall:ops:1=carol"];
        string database;
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestHost.Epoch);
        await using (var first = await TestHost.StartAsync(clock: clock, settings: onCall))
        {
            database = first.DatabasePath;
            await first.SayAsync("alice", "general", "/incident declare API errors sev2");
            await first.SayAsync("alice", "general", "/incident lead INC-1");
            await first.SayAsync("alice", "general", "/incident page INC-1 ops");
            await first.DrainOutboxAsync();
            Assert.Single(await first.MessagesAsync("dm-bob", "bob"), m => m!["card"] is not null);
        }

        // SEV2 pages expire after 10 minutes: restart after the deadline passed.
        clock.Advance(TimeSpan.FromMinutes(11));
        await using var second = await TestHost.StartAsync(database, clock, onCall);
        await second.DrainOutboxAsync();
        await second.DrainOutboxAsync();

        Assert.Single(await second.MessagesAsync("dm-carol", "carol"), m => m!["card"] is not null);
        var incident = await second.GetJsonAsync("/api/incidents/1");
        Assert.Contains(incident["pages"]!.AsArray(), p => (string)p!["status"]! == "Expired" && (string)p["to"]!["id"]! == "bob");
    }
}
