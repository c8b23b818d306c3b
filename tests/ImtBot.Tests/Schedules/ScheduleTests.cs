using System.Text.Json.Nodes;
using ImtBot.Core.Ports;
using ImtBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Tests.Schedules;

/// <summary>
/// The host-level schedule through the real host, its LiteDB file and the outbox, on a fake clock: the weekly follow-up
/// digest in the announcements channel and the practice reminder by direct message each run at their time, once —
/// again after a restart, and when the host was down at the time.
/// </summary>
public class ScheduleTests
{
    // The epoch is Friday 2026-11-27 09:00 UTC; the next Monday is 2026-11-30.
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private const string Digest = "Learning:DigestAt=Monday 09:00 UTC";

    [Fact]
    public async Task Digest_PostsOpenAndOverdueActionsAtItsTime_OncePerWeek_AcrossARestart()
    {
        var clock = new FakeTimeProvider(TestHost.Epoch);
        string database;
        await using (var host = await TestHost.StartAsync(clock: clock, settings: Digest))
        {
            database = host.DatabasePath;
            Assert.Equal(0, await host.RunSchedulesAsync());
            Assert.True((await host.SayAsync("alice", "general", "/incident declare Checkout *failing* sev2")).Accepted);
            Assert.True((await host.SayAsync("alice", "general", "/incident action INC-1 Alert on queue_depth @bob due 2026-11-30")).Accepted);
            Assert.True((await host.SayAsync("alice", "general", "/incident action INC-1 Write the runbook")).Accepted);
            Assert.True((await host.SayAsync("alice", "general", "/incident declare Payroll export leaked sev2 private")).Accepted);
            Assert.True((await host.SayAsync("alice", "general", "/incident action INC-2 Rotate the export keys @alice due 2026-11-28")).Accepted);
            await host.DrainOutboxAsync();

            await host.AdvanceAsync(Monday - clock.GetUtcNow() - TimeSpan.FromSeconds(1));
            Assert.Equal(0, await host.RunSchedulesAsync());
            await host.DrainOutboxAsync();
            Assert.Empty(await Digests(host));

            await host.AdvanceAsync(TimeSpan.FromSeconds(1));
            await host.RunSchedulesAsync(); // the background schedule may have committed the run first: either way it is committed once
            Assert.Equal(0, await host.RunSchedulesAsync());
            await host.DrainOutboxAsync();

            var digest = Assert.Single(await Digests(host));
            Has(digest, "3 open follow-up action(s), 1 overdue");
            Has(digest, "INC-1 Checkout \\*failing\\* · #1 Alert on queue\\_depth · @Bob Brown · due 2026-11-30");
            Has(digest, "#2 Write the runbook · **no owner** · no due date");
            Has(digest, "INC-2: a private incident with 1 open follow-up action(s), 1 overdue");
            Assert.DoesNotContain("Rotate", digest, StringComparison.Ordinal);
            Assert.DoesNotContain("Payroll", digest, StringComparison.Ordinal);

            // Later the same week: nothing more.
            await host.AdvanceAsync(TimeSpan.FromDays(2));
            Assert.Equal(0, await host.RunSchedulesAsync());
        }

        await using (var host = await TestHost.StartAsync(database, clock, Digest))
        {
            Assert.Equal(0, await host.RunSchedulesAsync());
            await host.DrainOutboxAsync();
            Assert.Single(await Digests(host));
            Assert.Single(DigestSteps(host));

            // The next Monday: the action due on the 30th is a week overdue.
            await host.AdvanceAsync(Monday.AddDays(7) - clock.GetUtcNow());
            await host.RunSchedulesAsync(); // the background schedule may have committed the run first: either way it is committed once
            await host.DrainOutboxAsync();
            var second = (await Digests(host))[^1];
            Assert.Equal(2, (await Digests(host)).Count);
            Has(second, "3 open follow-up action(s), 2 overdue");
            Has(second, "due 2026-11-30 (**7 day(s) overdue**)");
        }
    }

    [Fact]
    public async Task Digest_HostDownAtItsTime_PostsOnceWhenBack_AndNothingWhenNothingIsOpen()
    {
        var clock = new FakeTimeProvider(TestHost.Epoch);
        string database;
        await using (var host = await TestHost.StartAsync(clock: clock, settings: Digest))
        {
            database = host.DatabasePath;
            await host.RunSchedulesAsync();
            Assert.True((await host.SayAsync("alice", "general", "/incident declare Search slow sev3")).Accepted);
            Assert.True((await host.SayAsync("alice", "general", "/incident action INC-1 Add an index @carol")).Accepted);
            await host.DrainOutboxAsync();
        }

        // Down over Monday 09:00; back at 11:00.
        clock.Advance(Monday.AddHours(2) - clock.GetUtcNow());
        await using (var host = await TestHost.StartAsync(database, clock, Digest))
        {
            await host.RunSchedulesAsync();
            await host.DrainOutboxAsync();
            var digest = Assert.Single(await Digests(host));
            Has(digest, "INC-1 Search slow · #1 Add an index · @Carol Chen · no due date");

            Assert.True((await host.SayAsync("carol", "general", "/incident action INC-1 done 1")).Accepted);
        }

        await using (var host = await TestHost.StartAsync(database, clock, Digest))
        {
            Assert.Equal(0, await host.RunSchedulesAsync());
            await host.AdvanceAsync(TimeSpan.FromDays(7));
            await host.RunSchedulesAsync();
            await host.DrainOutboxAsync();

            // Nothing open: the run is recorded, and nothing is posted.
            Assert.Single(await Digests(host));
            Assert.Equal(0, await host.RunSchedulesAsync());
        }
    }

    [Fact]
    public async Task Digest_Off_PostsNothing()
    {
        await using var host = await TestHost.StartAsync(settings: "Learning:DigestAt=");
        await host.RunSchedulesAsync();
        Assert.True((await host.SayAsync("alice", "general", "/incident declare Search slow sev3")).Accepted);
        Assert.True((await host.SayAsync("alice", "general", "/incident action INC-1 Add an index @carol due 2026-11-27")).Accepted);
        await host.AdvanceAsync(TimeSpan.FromDays(14));
        Assert.Equal(0, await host.RunSchedulesAsync());
        await host.DrainOutboxAsync();
        Assert.Empty(await Digests(host));
    }

    [Fact]
    public async Task PracticeReminder_TellsWhoOnCallHasNotPractised_OncePerRun_AcrossARestart()
    {
        var clock = new FakeTimeProvider(TestHost.Epoch);
        string[] settings =
        [
            "Drills:Path=" + Path.Combine(RepositoryRoot.Path, "drills"),
            "Drills:PracticeReminderAt=first Monday 09:30 UTC",
            "Incidents:OnCall:commander:0=alice",
            "Incidents:OnCall:commander:1=bob",
            "Incidents:OnCall:ops:0=bob",
        ];
        string database;
        await using (var host = await TestHost.StartAsync(clock: clock, settings: settings))
        {
            database = host.DatabasePath;
            await host.RunSchedulesAsync();

            // Alice practises command in a drill; Bob does not.
            Assert.True((await host.SayAsync("alice", "general", "/incident drill database-failover @carol")).Accepted);
            Assert.True((await host.SayAsync("alice", "general", "/incident lead INC-1")).Accepted);
            await host.DrainOutboxAsync();

            // The first Monday of December is the 7th: nothing on Monday 30 November.
            await host.AdvanceAsync(Monday.AddMinutes(30) - clock.GetUtcNow());
            Assert.Equal(0, await host.RunSchedulesAsync());
            await host.AdvanceAsync(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
            Assert.Equal(0, await host.RunSchedulesAsync());
            await host.AdvanceAsync(TimeSpan.FromSeconds(1));
            await host.RunSchedulesAsync(); // the background schedule may have committed the run first: either way it is committed once
            Assert.Equal(0, await host.RunSchedulesAsync());
            await host.DrainOutboxAsync();

            var bob = Assert.Single(await Reminders(host, "bob"));
            Has(bob, "commander (last never), ops (last never)");
            Assert.Empty(await Reminders(host, "alice"));
        }

        await using (var host = await TestHost.StartAsync(database, clock, settings))
        {
            Assert.Equal(0, await host.RunSchedulesAsync());
            await host.AdvanceAsync(TimeSpan.FromDays(7));
            Assert.Equal(0, await host.RunSchedulesAsync());
            await host.DrainOutboxAsync();
            Assert.Single(await Reminders(host, "bob"));

            // The first Monday of January: told again.
            await host.AdvanceAsync(new DateTimeOffset(2027, 1, 4, 9, 30, 0, TimeSpan.Zero) - clock.GetUtcNow());
            await host.RunSchedulesAsync(); // the background schedule may have committed the run first: either way it is committed once
            await host.DrainOutboxAsync();
            Assert.Equal(2, (await Reminders(host, "bob")).Count);
            Assert.Empty(await Reminders(host, "alice"));
        }
    }

    [Fact]
    public async Task BadSchedules_StopTheHostSayingWhatWouldWork()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => TestHost.StartAsync(settings: ["Learning:DigestAt=Someday 9", "Drills:PracticeReminderAt=first Monday 25:00"]));
        Has(e.ToString(), "Learning:DigestAt: \"Someday\" in \"Someday 9\" is not a day of the week; use Monday … Sunday");
        Has(e.ToString(), "Drills:PracticeReminderAt: \"25:00\" in \"first Monday 25:00\" is not a time of day; use 24-hour HH:mm");
    }

    private static async Task<List<string>> Digests(TestHost host) =>
        (await host.MessagesAsync("announcements")).Select(Text).Where(t => t.Contains("Weekly follow-up digest", StringComparison.Ordinal)).ToList();

    private static async Task<List<string>> Reminders(TestHost host, string user) =>
        (await host.MessagesAsync("dm-" + user, user)).Select(Text).Where(t => t.StartsWith("Practice reminder", StringComparison.Ordinal)).ToList();

    private static IEnumerable<OutboxStep> DigestSteps(TestHost host) =>
        host.Services.GetRequiredService<IOutbox>().GetSteps(OutboxStatus.Done).Where(s => s.Key.Contains(":schedule:digest:", StringComparison.Ordinal));

    /// <summary>Contains, showing the whole message when it fails.</summary>
    private static void Has(string text, string expected) => Assert.True(text.Contains(expected, StringComparison.Ordinal), $"expected \"{expected}\" in:\n{text}");

    private static string Text(JsonNode? message) => (string?)message!["text"] ?? "";
}
