using System.Net;
using System.Net.Http.Json;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.ConsoleChat;

/// <summary>A whole incident through the console API, on a fake clock, with the outbox run after each step.</summary>
public class ConsoleIncidentFlowTests
{
    private static readonly string[] OnCall = ["Incidents:OnCall:ops:0=bob", "Incidents:OnCall:ops:1=carol"];

    [Fact]
    public async Task WholeIncident_DeclareToClose_ReviewHasDurationsAndAuditIsValid()
    {
        await using var host = await TestHost.StartAsync(settings: OnCall);

        var declared = await host.SayAsync("alice", "general", "/incident declare \"Checkout failing\" sev1");
        Assert.True(declared.Accepted, declared.Text);
        Assert.Equal(1, declared.Incident);
        await host.DrainOutboxAsync();

        // The bot opened a channel for it, posted and pinned the card, and announced it.
        var channels = await host.GetArrayAsync("/api/console/channels?user=alice");
        var channel = (string)channels.Single(c => (int?)c!["incident"] == 1)!["id"]!;
        Assert.StartsWith("inc-1-checkout-failing", channel);
        var card = (await host.MessagesAsync(channel)).Single(m => (bool)m!["pinned"]!);
        Assert.Equal("AdaptiveCard", (string)card!["card"]!["type"]!);
        Assert.Contains(await host.MessagesAsync("announcements"), m => ((string)m!["text"]!).Contains("INC-1"));

        await host.AdvanceAsync(TimeSpan.FromMinutes(2));
        Assert.True((await host.SayAsync("alice", channel, "/incident lead")).Accepted);

        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.True((await host.SayAsync("alice", channel, "/incident page ops")).Accepted);
        await host.DrainOutboxAsync();
        var page = (await host.MessagesAsync("dm-bob", "bob")).Last();
        Assert.NotNull(page!["card"]);

        await host.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.True((await host.SayAsync("bob", "dm-bob", "/incident ack INC-1")).Accepted);

        await host.AdvanceAsync(TimeSpan.FromMinutes(6));
        Assert.True((await host.SayAsync("alice", channel, "/incident update Rolling back the 09:00 deploy")).Accepted);
        await host.AdvanceAsync(TimeSpan.FromMinutes(10));
        Assert.True((await host.SayAsync("alice", channel, "/incident mitigated")).Accepted);
        await host.AdvanceAsync(TimeSpan.FromMinutes(10));
        Assert.True((await host.SayAsync("alice", channel, "/incident resolved")).Accepted);
        Assert.True((await host.SayAsync("alice", channel, "/incident action Add a canary for checkout @dan due 2026-12-04")).Accepted);
        await host.AdvanceAsync(TimeSpan.FromMinutes(10));
        Assert.True((await host.SayAsync("alice", channel, "/incident close")).Accepted);
        await host.DrainOutboxAsync();

        var incident = await host.GetJsonAsync("/api/incidents/1");
        Assert.Equal("Closed", (string)incident["state"]!);
        Assert.Equal("alice", (string)incident["roles"]!.AsArray().Single(r => (string)r!["role"]! == "commander")!["holder"]!["id"]!);

        var review = await host.Http.GetStringAsync("/api/incidents/1/review.md");
        Assert.Contains("Checkout failing", review);
        // Alice took command herself at 2 minutes; Bob acknowledging his page at 4 minutes is the acknowledgement.
        ReviewAssert.HasDurations(review, acknowledge: TimeSpan.FromMinutes(4), mitigate: TimeSpan.FromMinutes(20), resolve: TimeSpan.FromMinutes(30));
        Assert.Contains("Add a canary for checkout", review);

        var timeline = await host.GetArrayAsync("/api/incidents/1/timeline");
        Assert.Equal(Enumerable.Range(1, timeline.Count), timeline.Select(e => (int)e!["seq"]!));
        Assert.Contains(timeline, e => (string)e!["type"]! == "update_posted" && ((string)e["text"]!).Contains("Rolling back"));

        var audit = await host.GetJsonAsync("/api/incidents/1/audit");
        Assert.True((bool)audit["valid"]!);
        Assert.True((int)audit["events"]! >= 10);

        // The review was posted in the channel when the incident closed.
        Assert.Contains(await host.MessagesAsync(channel), m => ((string)m!["text"]!).Contains("Timeline"));

        // The review meeting comes after the close: its follow-ups are added and finished on the closed incident.
        var added = await host.SayAsync("alice", channel, "/incident action Load-test checkout before each release @bob");
        Assert.True(added.Accepted, added.Text);
        var done = await host.SayAsync("dan", "general", "/incident action INC-1 done 1");
        Assert.True(done.Accepted, done.Text);
        var after = await host.Http.GetStringAsync("/api/incidents/1/review.md");
        var rows = after.Split('\n');
        Assert.Contains("| Done ", rows.Single(r => r.StartsWith("| 1 | Add a canary for checkout |", StringComparison.Ordinal)));
        Assert.EndsWith("| Open |", rows.Single(r => r.StartsWith("| 2 | Load-test checkout before each release |", StringComparison.Ordinal)));
        Assert.Equal("Closed", (string)(await host.GetJsonAsync("/api/incidents/1"))["state"]!);

        // `review` says what is still empty; the meeting fills it in, and the review says who wrote what.
        var review1 = await host.SayAsync("alice", channel, "/incident review");
        Assert.StartsWith("Still empty: Overview (`summary <text>`);", review1.Text);
        foreach (var line in new[]
        {
            "/incident impact 2026-11-27 08:50 Checkout errors for EU cards", "/incident detected 2026-11-27 08:55",
            "/incident summary A bad deploy broke checkout", "/incident cause The deploy skipped the canary", "/incident resolution Rolled back",
        })
        {
            var reply = await host.SayAsync("alice", channel, line);
            Assert.True(reply.Accepted, line + ": " + reply.Text);
        }

        var review2 = await host.SayAsync("bob", channel, "/incident review");
        Assert.StartsWith("Every section of the review is filled in.", review2.Text);
        Assert.Contains("| Impact began | 2026-11-27 08:50:00 |", review2.Text);
        Assert.Contains("The deploy skipped the canary\n\n_Written by ", review2.Text);
        Assert.False((await host.SayAsync("alice", channel, "/incident detected 2099-01-01 00:00")).Accepted);
    }

    [Fact]
    public async Task FollowUp_OverdueAfterClose_OwnerRemindedByDirectMessage_ListedAcrossIncidents()
    {
        await using var host = await TestHost.StartAsync();
        Assert.True((await host.SayAsync("alice", "general", "/incident declare Queue backlog sev2")).Accepted);
        Assert.True((await host.SayAsync("alice", "general", "/incident action INC-1 Alert on queue depth @bob due 2026-11-28")).Accepted);
        Assert.True((await host.SayAsync("alice", "general", "/incident action INC-1 Write the runbook")).Accepted);
        Assert.True((await host.SayAsync("alice", "general", "/incident resolved INC-1")).Accepted);
        Assert.True((await host.SayAsync("alice", "general", "/incident close INC-1")).Accepted);
        Assert.True((await host.SayAsync("alice", "general", "/incident action INC-1 assign 2 @carol")).Accepted);
        await host.DrainOutboxAsync();
        var before = (await host.MessagesAsync("dm-bob", "bob")).Count;

        // Due on the 28th: overdue from 09:00 UTC on the 29th; the durable timer fires then, on the fake clock.
        await host.AdvanceAsync(TimeSpan.FromDays(2));

        var reminders = (await host.MessagesAsync("dm-bob", "bob")).Skip(before).Select(m => (string)m!["text"]!).ToList();
        Assert.Contains(reminders, t => t.Contains("Action #1 of INC-1 was due 2026-11-28 and is still open", StringComparison.Ordinal));

        var overdue = await host.SayAsync("carol", "general", "/incident actions overdue");
        Assert.Contains("INC-1 #1 · Alert on queue depth", overdue.Text);
        Assert.DoesNotContain("Write the runbook", overdue.Text);
        var mine = await host.SayAsync("carol", "general", "/incident actions me");
        Assert.Contains("INC-1 #2 · Write the runbook", mine.Text);

        Assert.True((await host.SayAsync("bob", "dm-bob", "/incident action INC-1 done 1")).Accepted);
        Assert.StartsWith("No overdue follow-up actions", (await host.SayAsync("carol", "general", "/incident actions overdue")).Text);
    }

    [Fact]
    public async Task Resolve_ByNonCommander_RejectedWithReasonAndStateUnchanged()
    {
        await using var host = await TestHost.StartAsync();
        await host.SayAsync("alice", "general", "/incident declare Search is slow sev2");
        await host.SayAsync("alice", "general", "/incident lead INC-1");
        var before = await host.GetJsonAsync("/api/incidents/1");

        var rejected = await host.SayAsync("carol", "general", "/incident resolved INC-1");

        Assert.False(rejected.Accepted);
        Assert.Contains("commander", rejected.Text);
        var after = await host.GetJsonAsync("/api/incidents/1");
        Assert.Equal((long)before["version"]!, (long)after["version"]!);
        Assert.Equal((string)before["state"]!, (string)after["state"]!);
    }

    [Fact]
    public async Task MalformedCommand_GetsUsageAndChangesNothing()
    {
        await using var host = await TestHost.StartAsync();

        var reply = await host.SayAsync("alice", "general", "/incident sev banana");

        Assert.False(reply.Accepted);
        Assert.Contains("sev", reply.Text);
        Assert.Empty(await host.GetArrayAsync("/api/incidents"));
    }

    [Fact]
    public async Task SameDelivery_PostedTwice_AppliedOnce()
    {
        await using var host = await TestHost.StartAsync();
        var body = new { user = "alice", channel = "general", text = "/incident declare Payments down sev1", id = "delivery-1" };

        var first = await host.Http.PostAsJsonAsync("/api/console/messages", body);
        var second = await host.Http.PostAsJsonAsync("/api/console/messages", body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var firstReply = (await first.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["replies"]![0]!;
        var secondReply = (await second.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["replies"]![0]!;
        Assert.Equal((string)firstReply["text"]!, (string)secondReply["text"]!);
        Assert.Null((string?)secondReply["message"]);
        Assert.Single(await host.GetArrayAsync("/api/incidents"));
        Assert.Single(await host.MessagesAsync("general"), m => (string)m!["text"]! == body.text);
        Assert.Single(await host.MessagesAsync("general"), m => (string)m!["user"]! == "imtbot" && (string)m["text"]! == (string)firstReply["text"]!);
    }

    [Theory]
    [InlineData("/incident resolved")]
    [InlineData("/incident note INC-7 looking into it")]
    public async Task RejectedDelivery_PostedTwice_SecondAnswerIsTheSameRejection(string text)
    {
        await using var host = await TestHost.StartAsync();
        var body = new { user = "alice", channel = "general", text, id = "rejected-1" };

        var first = (await (await host.Http.PostAsJsonAsync("/api/console/messages", body)).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["replies"]![0]!;
        var second = (await (await host.Http.PostAsJsonAsync("/api/console/messages", body)).Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["replies"]![0]!;

        Assert.False((bool)first["accepted"]!);
        Assert.False((bool)second["accepted"]!);
        Assert.Equal((string)first["text"]!, (string)second["text"]!);
        Assert.Null((string?)second["message"]);
    }
}
