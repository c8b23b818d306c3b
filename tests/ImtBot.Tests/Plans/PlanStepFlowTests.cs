using System.Text.Json.Nodes;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Plans;

/// <summary>
/// A plan's automatic steps through the console API on the real host, on a fake clock: declaring with a type whose
/// plan has steps pages, posts the update, gives the role and starts the clock — each once, across restarts.
/// </summary>
public class PlanStepFlowTests
{
    private const string Stepped = """
        id: stepped
        title: Stepped
        types: [steps]
        phases:
          detect:
            - id: page-ops
              text: Page the ops engineer on call
              owner: commander
              auto: { page: ops }
          assess:
            - id: comms-lead
              text: Give the comms role to the comms person on call
              owner: commander
              auto: { oncall: comms }
            - id: first-update
              text: Post the first stakeholder update
              owner: comms
              auto: { update: "{key} ({severity}): {title}. Next update within 30 minutes." }
            - id: gdpr-clock
              text: Start the GDPR clock
              owner: commander
              auto: { clock: gdpr }
          respond:
            - id: scribe-oncall
              text: Bring the scribe on call in once the response starts
              owner: commander
              auto: { oncall: scribe }
        """;

    private static readonly string[] OnCall = ["Incidents:OnCall:ops:0=bob", "Incidents:OnCall:ops:1=carol", "Incidents:OnCall:comms:0=dan", "Incidents:OnCall:scribe:0=erin"];

    private static async Task<string[]> EventTypesAsync(TestHost host) =>
        (await host.GetArrayAsync("/api/incidents/1/timeline")).Select(e => (string)e!["type"]!).ToArray();

    private static async Task<JsonArray> IncidentMessagesAsync(TestHost host, string user = "alice")
    {
        var channel = (string)(await host.GetArrayAsync($"/api/console/channels?user={user}")).Single(c => (int?)c!["incident"] == 1)!["id"]!;
        return await host.MessagesAsync(channel, user);
    }

    [Fact]
    public async Task Declare_RunsEachStepOnce_AcrossRestarts()
    {
        using var files = new PlanFiles();
        files.Write("stepped.yaml", Stepped);
        foreach (var shipped in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "plans"), "*.yaml"))
        {
            // The drill scenarios are checked against the plans they name.
            File.Copy(shipped, Path.Combine(files.Folder, Path.GetFileName(shipped)));
        }

        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(TestHost.Epoch);
        string[] settings = [$"Plans:Path={files.Folder}", .. OnCall];
        string database;

        await using (var first = await TestHost.StartAsync(clock: clock, settings: settings))
        {
            database = first.DatabasePath;
            var declared = await first.SayAsync("alice", "general", "/incident declare Checkout is down sev2 type steps");
            Assert.True(declared.Accepted, declared.Text);
            Assert.Contains("Automatic steps now: page ops, give comms to the person on call, post a stakeholder update, start the gdpr clocks.", declared.Text, StringComparison.Ordinal);
        }

        // The steps were only scheduled when the host stopped: the restarted host runs them from the outbox.
        await using (var second = await TestHost.StartAsync(database, clock, settings))
        {
            await second.DrainOutboxAsync();

            var page = (await second.MessagesAsync("dm-bob", "bob")).Single(m => m!.ToJsonString().Contains("INC-1", StringComparison.Ordinal));
            Assert.Contains("Checkout is down", page!.ToJsonString(), StringComparison.Ordinal);
            var status = await second.GetJsonAsync("/api/incidents/1");
            Assert.Contains("dan", status.ToJsonString(), StringComparison.Ordinal);
            var messages = (await IncidentMessagesAsync(second)).ToJsonString();
            Assert.Contains("INC-1 (SEV2): Checkout is down. Next update within 30 minutes.", messages, StringComparison.Ordinal);
            var compliance = await second.SayAsync("alice", "general", "/incident compliance INC-1");
            Assert.Contains("GDPR Art. 33", compliance.Text, StringComparison.Ordinal);
            Assert.Contains("due 2026-11-30 09:00 UTC", compliance.Text, StringComparison.Ordinal);

            var plan = await second.SayAsync("alice", "general", "/incident plan INC-1");
            Assert.Contains("[x] 1. Page the ops engineer on call — commander · done by @ImtBot 09:00 UTC: paged @bob (ops on call)", plan.Text, StringComparison.Ordinal);
            Assert.Contains("[x] 2. Give the comms role to the comms person on call", plan.Text, StringComparison.Ordinal);
            Assert.Contains("[x] 4. Start the GDPR clock", plan.Text, StringComparison.Ordinal);
            Assert.Contains("[ ] 5. Bring the scribe on call in once the response starts — commander · automatic: oncall scribe", plan.Text, StringComparison.Ordinal);
        }

        // Restarted again, and the response starts: only the respond step is new.
        await using var third = await TestHost.StartAsync(database, clock, settings);
        await third.DrainOutboxAsync();
        Assert.True((await third.SayAsync("alice", "general", "/incident lead INC-1")).Accepted);
        Assert.True((await third.SayAsync("alice", "general", "/incident investigating INC-1")).Accepted);
        await third.DrainOutboxAsync();
        Assert.True((await third.SayAsync("alice", "general", "/incident identified INC-1")).Accepted);
        await third.DrainOutboxAsync();

        // A type change there and back re-snapshots the plan: its tried steps do not run again.
        Assert.True((await third.SayAsync("alice", "general", "/incident type INC-1 default")).Accepted);
        Assert.True((await third.SayAsync("alice", "general", "/incident type INC-1 steps")).Accepted);
        await third.DrainOutboxAsync();

        var types = await EventTypesAsync(third);
        Assert.Equal(5, types.Count(t => t == "plan_step_ran"));
        Assert.Single(types, t => t == "page_sent");
        Assert.Single(types, t => t == "update_posted");
        Assert.Single(types, t => t == "regime_started");
        Assert.Equal(3, types.Count(t => t == "role_assigned")); // dan (comms), alice (commander), erin (scribe)
        Assert.Single(await third.MessagesAsync("dm-bob", "bob"), m => m!.ToJsonString().Contains("INC-1", StringComparison.Ordinal));
        var timeline = (await third.GetArrayAsync("/api/incidents/1/timeline")).ToJsonString();
        Assert.Contains("ran the automatic step of task page-ops (page)", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShippedServiceOutage_PagesOpsGivesCommsAndPostsTheFirstUpdate_AndAFailedStepStaysOpen()
    {
        // No comms on-call list: that step cannot run, and says so.
        await using var host = await TestHost.StartAsync(settings: ["Incidents:OnCall:ops:0=bob"]);

        Assert.True((await host.SayAsync("alice", "general", "/incident declare Payments down sev3 type outage")).Accepted);
        await host.DrainOutboxAsync();

        Assert.Contains(await host.MessagesAsync("dm-bob", "bob"), m => m!.ToJsonString().Contains("INC-1", StringComparison.Ordinal));
        var messages = (await IncidentMessagesAsync(host)).ToJsonString();
        Assert.Contains("INC-1 (SEV3): Payments down. We are investigating and will post the next update within 30 minutes.", messages, StringComparison.Ordinal);
        Assert.Contains("The response plan could not give comms to the person on call for task", messages, StringComparison.Ordinal);
        var plan = await host.SayAsync("alice", "general", "/incident plan INC-1");
        Assert.Contains("automatic step failed: There is no on-call list for comms", plan.Text, StringComparison.Ordinal);
    }
}
