using System.Text.RegularExpressions;
using ImtBot.Core.Events;
using ImtBot.Core.Ports;
using ImtBot.Storage.Tests.Postgres;
using ImtBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Tests.Cluster;

/// <summary>
/// Three real ImtBot hosts (Kestrel, the real dispatcher code, the console platform) on one PostgreSQL database on a
/// real server, sharing one fake clock: any instance takes any request, numbers and deliveries are never duplicated,
/// and the outbox and its timers run once across the cluster, also when the instance that leased a step dies.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class ClusterTests(PostgresServer server)
{
    /// <summary>The lease owner a test takes a step as and then kills: its steps wait for the lease to run out.</summary>
    private const string DyingOwner = "dying-instance";

    private static readonly string[] OnCall = ["Incidents:OnCall:ops:0=bob", "Incidents:OnCall:ops:1=carol"];

    [Fact]
    public async Task ThreeInstances_200DeclarationsSpreadOverThem_NoDuplicateNumberChannelOrCard()
    {
        var hosts = await StartClusterAsync(3, new FakeTimeProvider(TestHost.Epoch));
        try
        {
            using var gate = new SemaphoreSlim(12);
            var replies = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    return await hosts[i % 3].SayAsync("alice", "general", $"/incident declare Shard {i} unreachable sev3");
                }
                finally
                {
                    gate.Release();
                }
            }));
            await DrainTogetherAsync(hosts);

            Assert.All(replies, r => Assert.True(r.Accepted, r.Text));
            var numbers = replies.Select(r => r.Incident!.Value).ToList();
            Assert.Equal(200, numbers.Distinct().Count());
            Assert.Equal(200, (await hosts[1].GetArrayAsync("/api/incidents")).Count);

            var channels = (await hosts[2].GetArrayAsync("/api/console/channels?user=alice")).Where(c => c!["incident"] is not null).ToList();
            Assert.Equal(numbers.Order(), channels.Select(c => (int)c!["incident"]!).Order());
            foreach (var channel in channels)
            {
                Assert.Single(await hosts[0].MessagesAsync((string)channel!["id"]!), m => (bool)m!["pinned"]!);
            }

            var announced = (await hosts[0].MessagesAsync("announcements"))
                .SelectMany(m => IncidentKeys().Matches((string)m!["text"]!).Select(k => int.Parse(k.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct())
                .ToList();
            Assert.Equal(numbers.Order(), announced.Order());
        }
        finally
        {
            await StopAsync(hosts);
        }
    }

    [Fact]
    public async Task InstanceHoldingThePageChainDies_NextPageGoesOutOnceFromAnotherAfterTheLease()
    {
        var clock = new FakeTimeProvider(TestHost.Epoch);
        var hosts = await StartClusterAsync(3, clock, OnCall);
        var (dying, survivors) = (hosts[0], hosts[1..]);
        try
        {
            await dying.SayAsync("alice", "general", "/incident declare API errors sev2");
            await survivors[0].SayAsync("alice", "general", "/incident lead INC-1");
            await survivors[1].SayAsync("alice", "general", "/incident page INC-1 ops");
            await DrainTogetherAsync(hosts);
            Assert.Single(await survivors[0].MessagesAsync("dm-bob", "bob"), m => m!["card"] is not null);

            // SEV2 pages expire after 10 minutes. The dying instance's dispatcher leases what is due, then it is killed
            // before running it: its lease stands until it runs out.
            clock.Advance(TimeSpan.FromMinutes(11));
            var lease = TimeSpan.FromMinutes(2);
            var taken = await dying.Services.GetRequiredService<IOutbox>().LeaseDueAsync(DyingOwner, clock.GetUtcNow(), lease, 32);
            Assert.Contains(taken, s => s.Kind == "timer");
            await dying.DisposeAsync();

            await DrainTogetherAsync(survivors);
            Assert.DoesNotContain((await survivors[0].GetJsonAsync("/api/incidents/1"))["pages"]!.AsArray(), p => (string)p!["to"]!["id"]! == "carol");

            clock.Advance(lease + TimeSpan.FromSeconds(1));
            await DrainTogetherAsync(survivors);
            await DrainTogetherAsync(survivors);

            Assert.Single(await survivors[1].MessagesAsync("dm-carol", "carol"), m => m!["card"] is not null);
            var incident = await survivors[0].GetJsonAsync("/api/incidents/1");
            Assert.Single(incident["pages"]!.AsArray(), p => (string)p!["status"]! == "Expired" && (string)p["to"]!["id"]! == "bob");
            Assert.Single(incident["pages"]!.AsArray(), p => (string)p!["to"]!["id"]! == "carol");
        }
        finally
        {
            await StopAsync(survivors);
        }
    }

    [Fact]
    public async Task TimerDue_ThreeInstancesRunTheOutboxAtOnce_ItFiresOnce()
    {
        var clock = new FakeTimeProvider(TestHost.Epoch);
        var hosts = await StartClusterAsync(3, clock);
        try
        {
            await hosts[0].SayAsync("alice", "general", "/incident declare Checkout latency sev2");
            await DrainTogetherAsync(hosts);

            // Nobody leads it: the commander reminder is due after 5 minutes, and every instance looks at once.
            clock.Advance(TimeSpan.FromMinutes(6));
            await DrainTogetherAsync(hosts);
            await DrainTogetherAsync(hosts);

            // The commander reminder and the response plan's two overdue tasks: each told once, though three looked.
            var reminders = hosts[2].Services.GetRequiredService<IIncidentQueries>().GetEvents(1).Select(e => e.Data).OfType<ReminderSent>().ToList();
            Assert.Contains(reminders, r => r.Reminder == "commander");
            Assert.Equal(reminders.Select(r => r.Reminder).Distinct(), reminders.Select(r => r.Reminder));
            Assert.Empty(hosts[1].Services.GetRequiredService<IOutbox>().GetSteps(OutboxStatus.InFlight));
        }
        finally
        {
            await StopAsync(hosts);
        }
    }

    /// <summary>Starts the instances at once (their schema migration races, as it would in a rolling start).</summary>
    private async Task<TestHost[]> StartClusterAsync(int count, FakeTimeProvider clock, params string[] settings)
    {
        var database = server.CreateDatabase("cluster");
        string[] shared = ["Storage:Provider=PostgreSQL", $"Storage:ConnectionString={database}", .. settings];
        return await Task.WhenAll(Enumerable.Range(0, count).Select(_ => TestHost.StartAsync(clock: clock, settings: shared)));
    }

    /// <summary>
    /// Runs due steps on every instance at once until none is due and none is in flight: each instance's background
    /// dispatcher also leases steps when a commit wakes it, so a drain can return while another instance still runs
    /// one, and the step that one releases can fall due just after this drain looked. Steps leased by an owner that is
    /// not running (a killed instance's lease), and the later steps of its incidents they hold back, are waited for
    /// only by the clock.
    /// </summary>
    private static async Task DrainTogetherAsync(IEnumerable<TestHost> hosts)
    {
        var live = hosts.ToList();
        var outbox = live[0].Services.GetRequiredService<IOutbox>();
        var now = live[0].Clock.GetUtcNow();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            await Task.WhenAll(live.Select(h => h.DrainOutboxAsync()));
            var inFlight = outbox.GetSteps(OutboxStatus.InFlight);
            var heldByTheDead = inFlight.Where(s => s.LeaseOwner == DyingOwner).Select(s => s.Incident).ToHashSet();
            var running = inFlight.Where(s => s.LeaseOwner != DyingOwner).Select(s => s.Key);
            var due = outbox.GetSteps(OutboxStatus.Pending).Where(s => s.DueAt <= now && !heldByTheDead.Contains(s.Incident)).Select(s => s.Key);
            var waiting = running.Concat(due).ToList();
            if (waiting.Count == 0)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "Steps still in flight or due after 30 s: " + string.Join(", ", waiting) + "; pending: "
                + string.Join("; ", outbox.GetSteps(OutboxStatus.Pending).Select(s => $"{s.Key} due {s.DueAt:HH:mm:ss} attempts {s.Attempts} {s.LastError}")));
            await Task.Delay(50);
        }
    }

    private static async Task StopAsync(IEnumerable<TestHost> hosts)
    {
        foreach (var host in hosts)
        {
            await host.DisposeAsync();
        }
    }

    [GeneratedRegex(@"INC-(\d+)\b")]
    private static partial Regex IncidentKeys();
}
