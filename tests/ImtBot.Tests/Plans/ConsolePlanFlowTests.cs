using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Plans;

/// <summary>A security breach run with its response plan through the console API, on a fake clock, with the shipped plans.</summary>
public class ConsolePlanFlowTests
{
    [Fact]
    public async Task SecurityBreach_PlanGuidesBlocksAndIsRecorded()
    {
        await using var host = await TestHost.StartAsync();

        var declared = await host.SayAsync("alice", "general", "/incident declare Customer data in a public bucket sev1 type security-breach");
        Assert.True(declared.Accepted, declared.Text);
        Assert.Contains("Plan: Security breach (data exposure), 14 tasks (`/incident plan`).", declared.Text, StringComparison.Ordinal);
        await host.DrainOutboxAsync();
        var channel = (string)(await host.GetArrayAsync("/api/console/channels?user=alice")).Single(c => (int?)c!["incident"] == 1)!["id"]!;
        Assert.True((await host.SayAsync("alice", channel, "/incident lead")).Accepted);

        var plan = await host.SayAsync("alice", channel, "/incident plan");
        Assert.True(plan.Accepted);
        Assert.StartsWith("INC-1 · type security-breach · plan \"Security breach (data exposure)\"\n*Detect* 0/2\n[ ] 1. Keep the incident channel need-to-know", plan.Text, StringComparison.Ordinal);
        Assert.Contains("due 09:05 UTC · required", plan.Text, StringComparison.Ordinal);

        // Required tasks block resolving until each is done, skipped with a reason, or overridden by the commander.
        await host.AdvanceAsync(TimeSpan.FromMinutes(3));
        Assert.True((await host.SayAsync("alice", channel, "/incident task done 1 channel is private")).Accepted);
        Assert.True((await host.SayAsync("alice", channel, "/incident task skip 2 security lead is already here")).Accepted);
        var refused = await host.SayAsync("bob", channel, "/incident task done 3");
        Assert.False(refused.Accepted);
        Assert.Contains("they or the commander can mark done it", refused.Text, StringComparison.Ordinal);
        Assert.True((await host.SayAsync("alice", channel, "/incident task add Ask the bucket owner for access logs me due 30m")).Accepted);
        Assert.True((await host.SayAsync("alice", channel, "/incident mitigated")).Accepted);
        var blocked = await host.SayAsync("alice", channel, "/incident resolved");
        Assert.False(blocked.Accepted);
        Assert.StartsWith("INC-1 cannot be resolved yet: 7 required tasks are open", blocked.Text, StringComparison.Ordinal);

        Assert.True((await host.SayAsync("alice", channel, "/incident task override bucket closed; legal steps run in the review")).Accepted);
        Assert.True((await host.SayAsync("alice", channel, "/incident resolved")).Accepted);

        // Every task step is on the timeline.
        await host.DrainOutboxAsync();
        var timeline = await host.SayAsync("alice", channel, "/incident timeline");
        Assert.Contains("skipped task page-security: security lead is already here", timeline.Text, StringComparison.Ordinal);
        Assert.Contains("overrode the open required tasks preserve-evidence, scope-data, notify-legal", timeline.Text, StringComparison.Ordinal);

        var unknown = await host.SayAsync("alice", "general", "/incident declare Something odd sev3 type meteor");
        Assert.False(unknown.Accepted);
        Assert.StartsWith("There is no incident type `meteor`: use one of `breach`, ", unknown.Text, StringComparison.Ordinal);
        Assert.Contains("`data-exposure`, `data-loss`, `database`, `db`, `default`", unknown.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TypeChange_MidIncident_SwapsThePlan()
    {
        await using var host = await TestHost.StartAsync();
        var declared = await host.SayAsync("alice", "general", "/incident declare Checkout slow sev3");
        Assert.Contains("Plan: General incident", declared.Text, StringComparison.Ordinal);
        Assert.True((await host.SayAsync("alice", "general", "/incident lead INC-1")).Accepted);
        Assert.True((await host.SayAsync("alice", "general", "/incident task INC-1 done 2")).Accepted);

        var changed = await host.SayAsync("alice", "general", "/incident type INC-1 outage");

        Assert.True(changed.Accepted, changed.Text);
        Assert.Equal("INC-1 is now of type `outage`: plan \"Service outage\" (14 new tasks, 1 finished tasks kept). `/incident plan` shows the checklist.", changed.Text);
        var timeline = await host.SayAsync("alice", "general", "/incident timeline INC-1");
        Assert.Contains("changed the type from default to outage: response plan \"Service outage\" (15 tasks)", timeline.Text, StringComparison.Ordinal);
        var plan = await host.SayAsync("alice", "general", "/incident plan INC-1");
        Assert.Contains("[x] 2. Take command and say so in the channel", plan.Text, StringComparison.Ordinal);
        Assert.Contains("type outage · plan \"Service outage\"", plan.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IncidentCard_ShowsPlanProgress()
    {
        await using var host = await TestHost.StartAsync();
        Assert.True((await host.SayAsync("alice", "general", "/incident declare Payments down sev2 type outage")).Accepted);
        Assert.True((await host.SayAsync("alice", "general", "/incident lead INC-1")).Accepted);
        Assert.True((await host.SayAsync("alice", "general", "/incident task INC-1 done 1")).Accepted);
        await host.DrainOutboxAsync();

        var channel = (string)(await host.GetArrayAsync("/api/console/channels?user=alice")).Single(c => (int?)c!["incident"] == 1)!["id"]!;
        var card = (await host.MessagesAsync(channel)).Single(m => (bool)m!["pinned"]!)!["card"]!.ToJsonString();

        // The incident is in the assess phase: the card counts that phase, where the plan's first update is done by the bot.
        Assert.Contains("\"Plan\"", card, StringComparison.Ordinal);
        Assert.Contains("\"Assess 1/5\"", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanCommand_PostsTheChecklistCard_AndItsDoneButtonMarksTheTaskDone()
    {
        await using var host = await TestHost.StartAsync();
        Assert.True((await host.SayAsync("alice", "general", "/incident declare Payments down sev2 type outage")).Accepted);
        Assert.True((await host.SayAsync("alice", "general", "/incident lead INC-1")).Accepted);

        var plan = await host.SayAsync("alice", "general", "/incident plan INC-1");
        Assert.True(plan.Accepted);
        var message = (await host.MessagesAsync("general")).Last(m => (string)m!["user"]! == "imtbot")!;
        Assert.Equal(plan.Text, (string?)message["text"]);
        var buttons = message["card"]!.ToJsonString();
        Assert.Contains("\"command\":\"task INC-1 done 1\"", buttons, StringComparison.Ordinal);
        Assert.Contains("\"card\":\"checklist\"", buttons, StringComparison.Ordinal);
        Assert.DoesNotContain(await host.MessagesAsync("general", "bob"), m => (string?)m!["id"] == (string?)message["id"]); // shown to its asker only

        var click = await host.Http.PostAsJsonAsync(
            "/api/console/actions", new { user = "alice", messageId = (string)message["id"]!, data = new { command = "task INC-1 done 1", card = "checklist" } });
        click.EnsureSuccessStatusCode();
        var reply = (await click.Content.ReadFromJsonAsync<JsonObject>())!["replies"]![0]!;
        Assert.True((bool)reply["accepted"]!, (string?)reply["text"]);

        var after = await host.SayAsync("alice", "general", "/incident plan INC-1");
        Assert.Contains("[x] 1.", after.Text, StringComparison.Ordinal);
        var refreshed = (await host.MessagesAsync("general")).Last(m => (string)m!["user"]! == "imtbot")!["card"]!.ToJsonString();
        Assert.DoesNotContain("\"task INC-1 done 1\"", refreshed, StringComparison.Ordinal);
        Assert.Contains("\"task INC-1 done 2\"", refreshed, StringComparison.Ordinal);
    }
}
