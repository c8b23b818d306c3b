using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Compliance;

/// <summary>Regulatory clocks through the console API on the real host: commands, card, durable reminders, review, anchor.</summary>
public class ComplianceFlowTests
{
    private static async Task<string> ChannelAsync(TestHost host) =>
        (string)(await host.GetArrayAsync("/api/console/channels?user=alice")).Single(c => (int?)c!["incident"] == 1)!["id"]!;

    private static async Task<bool> SawAsync(TestHost host, string channel, string user, string text) =>
        (await host.MessagesAsync(channel, user)).Any(m => m!.ToJsonString().Contains(text, StringComparison.Ordinal));

    [Fact]
    public async Task Gdpr_ClockOnCard_RemindersOnTheFakeClock_ReviewAndAnchorAtClose()
    {
        var anchorLog = Path.Combine(Path.GetTempPath(), "imtbot-tests", Guid.NewGuid().ToString("N"), "anchors.log");
        await using var host = await TestHost.StartAsync(settings: [$"Compliance:AnchorLog={anchorLog}"]);
        Assert.True((await host.SayAsync("alice", "general", "/incident declare \"Customer records exposed\" sev2")).Accepted);
        await host.DrainOutboxAsync();
        var channel = await ChannelAsync(host);
        Assert.True((await host.SayAsync("alice", channel, "/incident lead")).Accepted);
        await host.SayAsync("bob", "general", "/incident list");
        var comms = await host.SayAsync("alice", channel, "/incident role comms @bob");
        Assert.True(comms.Accepted, comms.Text);
        await host.DrainOutboxAsync();
        Assert.True((await host.SayAsync("bob", "dm-bob", "/incident ack INC-1")).Accepted);

        var regulated = await host.SayAsync("alice", channel, "/incident regulated gdpr aware 2026-11-27T07:00Z the SOC alert fired at 07:00");
        await host.DrainOutboxAsync();

        Assert.True(regulated.Accepted, regulated.Text);
        Assert.Contains("due 2026-11-30 07:00 UTC", regulated.Text);
        var card = (await host.MessagesAsync(channel)).Single(m => (bool)m!["pinned"]!)!.ToJsonString();
        Assert.Contains("GDPR Art. 33 notification to the supervisory authority: due 2026-11-30 07:00 UTC", card);
        var clocks = await host.SayAsync("alice", channel, "/incident compliance");
        Assert.Contains("(2 d 22 h left)", clocks.Text);

        // Half-time of 72 h from 07:00 is 2026-11-28 19:00: the commander and the comms lead are told.
        await host.AdvanceAsync(new DateTimeOffset(2026, 11, 28, 19, 0, 0, TimeSpan.Zero) - host.Clock.GetUtcNow());
        Assert.True(await SawAsync(host, "dm-alice", "alice", "GDPR Art. 33 notification to the supervisory authority is due 2026-11-30 07:00 UTC (1 d 12 h left"));
        Assert.True(await SawAsync(host, "dm-bob", "bob", "is due 2026-11-30 07:00 UTC (1 d 12 h left"));

        // Missed at the deadline.
        await host.AdvanceAsync(TimeSpan.FromHours(36));
        Assert.True(await SawAsync(host, "dm-alice", "alice", "MISSED"));

        await host.AdvanceAsync(TimeSpan.FromHours(2));
        Assert.True((await host.SayAsync("bob", channel, "/incident notified gdpr notification DPA-2026-1234 sent by the DPO")).Accepted);
        Assert.True((await host.SayAsync("alice", channel, "/incident resolved")).Accepted);
        Assert.True((await host.SayAsync("alice", channel, "/incident close")).Accepted);
        await host.DrainOutboxAsync();

        var timeline = (await host.GetArrayAsync("/api/incidents/1/timeline")).ToJsonString();
        Assert.Contains("regime_started", timeline);
        Assert.Contains("compliance_reminder_sent", timeline);
        Assert.Contains("regulator_notified", timeline);
        var review = await host.Http.GetStringAsync("/api/incidents/1/review.md");
        Assert.Contains("## Compliance", review);
        var row = review.Split('\n').Single(l => l.Contains("DPA-2026-1234", StringComparison.Ordinal) && l.StartsWith("| GDPR", StringComparison.Ordinal));
        Assert.StartsWith("| GDPR Art. 33 | notification to the supervisory authority | 2026-11-30 07:00 | 72 h after awareness | 2026-11-30 09:00 |", row);
        Assert.EndsWith("| DPA-2026-1234 | **missed** (submitted 2 h 0 min late) |", row);

        // The chain head is posted in the channel and appended to the anchor log.
        var head = (string)(await host.GetJsonAsync("/api/incidents/1/audit"))["head"]!;
        Assert.True(await SawAsync(host, channel, "alice", "chain head at close"));
        Assert.Contains(head, await File.ReadAllTextAsync(anchorLog));
    }

    [Fact]
    public async Task Drill_ClocksAreExercise()
    {
        await using var host = await TestHost.StartAsync();
        Assert.True((await host.SayAsync("alice", "general", "/incident declare \"Breach practice\" sev2 drill")).Accepted);

        var reply = await host.SayAsync("alice", "general", "/incident regulated INC-1 nis2");

        Assert.Contains("NIS2 Art. 23 early warning (exercise): due", reply.Text);
    }

    [Fact]
    public async Task UnknownRegime_ChangesNothing()
    {
        await using var host = await TestHost.StartAsync();
        Assert.True((await host.SayAsync("alice", "general", "/incident declare \"Data leak\" sev2")).Accepted);
        var before = (await host.GetArrayAsync("/api/incidents/1/timeline")).Count;

        var reply = await host.SayAsync("alice", "general", "/incident regulated INC-1 ccpa");

        Assert.False(reply.Accepted);
        Assert.Contains("the configured ones are dora, gdpr, hipaa, nis2, sec", reply.Text);
        Assert.Equal(before, (await host.GetArrayAsync("/api/incidents/1/timeline")).Count);
    }

    [Fact]
    public async Task ConfiguredRegime_OverridesTheShippedOne()
    {
        await using var host = await TestHost.StartAsync(settings:
        [
            "Compliance:Regimes:gdpr:Stages:notification:Within=48h",
            "Compliance:Regimes:sec:Holidays:0=2026-11-30",
            "Compliance:Regimes:hipaa:Enabled=false",
        ]);
        Assert.True((await host.SayAsync("alice", "general", "/incident declare \"Data leak\" sev2")).Accepted);

        var gdpr = await host.SayAsync("alice", "general", "/incident regulated INC-1 gdpr");
        var sec = await host.SayAsync("alice", "general", "/incident material INC-1 card data of 2M users");
        var hipaa = await host.SayAsync("alice", "general", "/incident regulated INC-1 hipaa");

        Assert.Contains("due 2026-11-29 09:00 UTC", gdpr.Text);
        // The configured holiday (Monday 30 Nov) replaces the shipped list: Tue 1, Wed 2, Thu 3, Fri 4 Dec.
        Assert.Contains("Form 8-K filing: due 2026-12-05 05:00 UTC", sec.Text);
        Assert.False(hipaa.Accepted);
    }

    [Fact]
    public async Task BadComplianceSetting_StopsTheHostNamingIt()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => TestHost.StartAsync(settings: ["Compliance:Regimes:gdpr:Stages:notification:Within=soon"]));

        Assert.Contains("Compliance:Regimes:gdpr:Stages:notification:Within", e.ToString());
    }
}
