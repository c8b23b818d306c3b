using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ImtBot.Slack.Testing;
using ImtBot.Storage.Tests.Postgres;
using Xunit.Abstractions;

namespace ImtBot.Tests.Cluster;

/// <summary>
/// Three ImtBot processes on one PostgreSQL database and a fake Slack. A page chain escalates (Bob's page expires, so
/// Carol is paged); the instance that leased Carol's page is killed with SIGKILL while its call is under way (the
/// fake holds the call, which never lands). Another instance must post Carol's page exactly once, within
/// <c>Dispatcher:Lease</c> + 5 s of when it was due.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class EscalationFailoverTests(PostgresServer server, ITestOutputHelper output)
{
    private const string CarolDm = "DUCAROL";
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task InstanceHoldingTheNextPageKilled_PageGoesOutOnceFromAnotherWithinLeasePlus5s()
    {
        await using var cluster = await ChildCluster.StartAsync(
            server,
            3,
            $"Dispatcher:Lease={Lease}",
            "Dispatcher:PollInterval=00:00:01",
            "Dispatcher:InitialBackoff=00:00:00.200",
            "Dispatcher:MaxBackoff=00:00:02",
            "Incidents:OnCall:ops:0=UBOB",
            "Incidents:OnCall:ops:1=UCAROL",
            $"Incidents:Policies:SEV2:PageTimeout={PageTimeout}");
        var slack = cluster.Slack;
        slack.FailIn("chat.postMessage", CarolDm, FakeFault.HoldUntilDropped());

        var declared = await ChildCluster.SlashAsync(cluster.Bots[0], "declare API errors sev2", "esc.1");
        var number = int.Parse(IncidentKey().Match(declared).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        await ChildCluster.SlashAsync(cluster.Bots[1], $"lead INC-{number}", "esc.2");
        await ChildCluster.SlashAsync(cluster.Bots[2], $"page INC-{number} ops", "esc.3");

        // Bob is paged; when his page expires, Carol's is due.
        await cluster.WaitForAsync("Bob's page posted", TimeSpan.FromSeconds(60), () => Task.FromResult(Posts(slack, "DUBOB") > 0 ? (bool?)true : null));
        var incident = (await cluster.Bots[0].Http.GetFromJsonAsync<JsonObject>($"/api/incidents/{number}"))!;
        var due = (DateTimeOffset)Assert.Single(incident["pages"]!.AsArray(), p => (string)p!["to"]!["id"]! == "UBOB")!["deadline"]!;

        // The escalation: one instance fires the expiry and leases Carol's page; its call to Slack hangs. Kill it there.
        var owner = await cluster.WaitForAsync("Carol's page leased and its call under way", PageTimeout + TimeSpan.FromSeconds(60), async () =>
            slack.CallsTo("chat.postMessage").Any(c => c.Arg("channel") == CarolDm)
                ? await cluster.ScalarAsync<string>("SELECT lease_owner FROM outbox WHERE kind = 'send_page' AND status = 'InFlight' AND payload LIKE '%UCAROL%'")
                : null);
        var holder = cluster.OwnedBy(owner) ?? throw new InvalidOperationException($"No instance is {owner}.");
        holder.Kill();
        var killedAt = DateTimeOffset.UtcNow;

        await cluster.WaitForAsync("Carol's page step done by another instance", Lease + TimeSpan.FromSeconds(60), async () =>
            await cluster.ScalarAsync<string>("SELECT status FROM outbox WHERE kind = 'send_page' AND payload LIKE '%UCAROL%'") == "Done" ? true : (bool?)null);

        var posted = slack.CallsTo("chat.postMessage").Where(c => c.Arg("channel") == CarolDm).ToList();
        var delivered = posted[^1].At;
        output.WriteLine($"due {due:HH:mm:ss.fff}, holder pid {holder.Pid} killed {killedAt:HH:mm:ss.fff}, posted {delivered:HH:mm:ss.fff} ({(delivered - due).TotalSeconds:0.0} s after due); {posted.Count} calls");

        Assert.Equal(1, Posts(slack, CarolDm));
        Assert.True(delivered > killedAt, "the page was posted after the instance holding it died, so by another");
        Assert.InRange(delivered - due, TimeSpan.Zero, Lease + TimeSpan.FromSeconds(5));
        Assert.Equal(2, await cluster.ScalarAsync<int>("SELECT attempts FROM outbox WHERE kind = 'send_page' AND payload LIKE '%UCAROL%'"));

        var survivor = cluster.Running.First();
        var pages = (await survivor.Http.GetFromJsonAsync<JsonObject>($"/api/incidents/{number}"))!["pages"]!.AsArray();
        Assert.Single(pages, p => (string)p!["to"]!["id"]! == "UCAROL");
        Assert.Single(pages, p => (string)p!["to"]!["id"]! == "UBOB" && (string)p["status"]! == "Expired");
    }

    private static int Posts(FakeSlack slack, string channel)
    {
        lock (slack.Gate)
        {
            return slack.Channels.TryGetValue(channel, out var dm) ? dm.Messages.Count : 0;
        }
    }

    [GeneratedRegex(@"\bINC-(\d+)\b")]
    private static partial Regex IncidentKey();
}
