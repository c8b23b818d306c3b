using ImtBot.Core.Events;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Storage.Tests.Support;
using ImtBot.Storage.Tests.Contract;

namespace ImtBot.Storage.Tests;

public sealed class LiteIncidentStoreStepOrderTests() : StepOrderContract(new LiteStoreFixture())
{
    private LiteStoreFixture Lite => (LiteStoreFixture)_temp;

    /// <summary>
    /// A backlog held behind a retry (a platform outage, a busy channel) must not be read by every lease: after one lease
    /// has seen them, the held groups wake when their holder does, and the store's next wake says so.
    /// </summary>
    [Fact]
    public async Task LeaseDueAsync_GroupsHeldBehindARetry_SleepUntilTheRetrySoTheNextWakeIsTheRetrys()
    {
        await HoldIncidentOneUntil(_now.AddSeconds(30));
        for (var i = 1; i <= 20; i++)
        {
            await Commit(1, ($"1:post_update:{i + 1}.0", _now));
        }

        Assert.Equal(_now, _store.NextDueAt()); // the held updates are due
        Assert.Empty(await _store.LeaseDueAsync("w", _now, Lease, 10));

        Assert.Equal(_now.AddSeconds(30), _store.NextDueAt()); // they wait for the retry, and the store knows it
        Assert.Empty(await _store.LeaseDueAsync("w", _now.AddSeconds(10), Lease, 10));
        Assert.Equal("1:open_channel:1.0", Assert.Single(await _store.LeaseDueAsync("w", _now.AddSeconds(30), Lease, 10)).Key);
    }

    /// <summary>
    /// In a storm the urgent steps (new channels, pages, announcements) fill every free slot, so the pass that reads the
    /// other kinds does not run: the urgent pass must park what it finds held, or every lease reads the held backlog
    /// again (thousands of groups a lease when a busy announcements channel holds each incident's announcement).
    /// </summary>
    [Fact]
    public async Task LeaseDueAsync_UrgentStepsFillTheSlots_HeldAnnouncementsAreParkedAllTheSame()
    {
        await HoldIncidentOneUntil(_now.AddSeconds(30));
        for (var i = 1; i <= 20; i++)
        {
            await Commit(1, ($"1:announce:{i + 1}.0", _now));
        }

        for (var incident = 2; incident <= 11; incident++)
        {
            await Commit(incident, ($"{incident}:open_channel:1.0", _now));
        }

        var leased = await _store.LeaseDueAsync("w", _now, Lease, 10);
        Assert.Equal(Enumerable.Range(2, 10).Select(n => $"{n}:open_channel:1.0"), leased.Select(s => s.Key).Order(StringComparer.Ordinal).OrderBy(k => int.Parse(k.Split(':')[0], System.Globalization.CultureInfo.InvariantCulture)));
        foreach (var step in leased)
        {
            await _store.CompleteStepAsync(step.Key, NoLinks, _now);
        }

        Assert.Equal(_now.AddSeconds(30), _store.NextDueAt()); // the held announcements wait for the retry, and the store knows it
    }

    /// <summary>
    /// LiteDB compiles a query expression per distinct text and keeps each compiled delegate for good: a lease whose
    /// "now" were written into its query's text cost a compile (and leaked it) every time the dispatcher looked. The
    /// store's queries keep their values as parameters (Filter), so leasing, waking and settling at ever new times
    /// and keys compile nothing new.
    /// </summary>
    [Fact]
    public async Task LeaseDueAsync_AtEverNewTimes_CompilesNoNewQueryExpressions()
    {
        await Commit(1, ("1:open_channel:1.0", _now));
        await _store.LeaseDueAsync("w", _now, Lease, 10);
        await _store.CompleteStepAsync("1:open_channel:1.0", NoLinks, _now);
        _store.NextDueAt(_now);

        var before = CompiledQueryExpressions();
        for (var i = 2; i <= 41; i++)
        {
            var at = _now.AddSeconds(i);
            await Commit(i, ($"{i}:open_channel:1.0", at));
            Assert.Single(await _store.LeaseDueAsync("w", at, Lease, 10));
            await _store.CompleteStepAsync($"{i}:open_channel:1.0", NoLinks, at);
            _store.NextDueAt(at);
        }

        // Other test classes run beside this one and may compile a shape of their own meanwhile: a few, not one a lease.
        Assert.InRange(CompiledQueryExpressions() - before, 0, 10);
    }

    private static int CompiledQueryExpressions() => new[] { "_cacheScalar", "_cacheEnumerable" }.Sum(name =>
        ((System.Collections.ICollection)(typeof(LiteDB.BsonExpression).GetField(name, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)?.GetValue(null)
            ?? throw new InvalidOperationException($"LiteDB's BsonExpression has no {name} any more: check that Filter still avoids a compile per value"))).Count);

    [Fact]
    public async Task LeaseDueAsync_HolderCompletesBeforeItsLeaseRunsOut_ParkedGroupsGoAtOnceInOrder()
    {
        await HoldIncidentOneUntil(_now.AddSeconds(5));
        await Commit(1, ("1:post_update:2.0", _now), ("1:timer:2.1", _now.AddSeconds(20)));
        await Commit(1, ("1:post_update:3.0", _now));
        Assert.Empty(await _store.LeaseDueAsync("w", _now, Lease, 10));

        // The retry is leased (held while it runs: its lease ends in a minute) and completes within the second.
        Assert.Equal("1:open_channel:1.0", Assert.Single(await _store.LeaseDueAsync("w", _now.AddSeconds(5), Lease, 10)).Key);
        Assert.Empty(await _store.LeaseDueAsync("w", _now.AddSeconds(5.5), Lease, 10)); // parks the updates until that lease's end
        await _store.CompleteStepAsync("1:open_channel:1.0", NoLinks, _now.AddSeconds(6));

        Assert.Equal(["1:post_update:2.0", "1:post_update:3.0"], (await _store.LeaseDueAsync("w", _now.AddSeconds(6), Lease, 10)).Select(s => s.Key));
    }

    [Fact]
    public async Task LeaseDueAsync_ParkedGroupWithATimer_TheTimerKeepsItsOwnTime()
    {
        await HoldIncidentOneUntil(_now.AddMinutes(10));
        await Commit(1, ("1:post_update:2.0", _now), ("1:timer:2.1", _now.AddSeconds(20)));
        Assert.Empty(await _store.LeaseDueAsync("w", _now, Lease, 10));

        Assert.Equal(_now.AddSeconds(20), _store.NextDueAt());
        Assert.Equal("1:timer:2.1", Assert.Single(await _store.LeaseDueAsync("w", _now.AddSeconds(20), Lease, 10)).Key);
    }

    [Fact]
    public async Task LeaseDueAsync_ParkedAndReopened_TheGroupWakesByItselfAtItsHoldersWake()
    {
        await HoldIncidentOneUntil(_now.AddSeconds(30));
        await Commit(1, ("1:post_update:2.0", _now));
        Assert.Empty(await _store.LeaseDueAsync("w", _now, Lease, 10));

        _store.Dispose();
        _store = Lite.Open();
        Assert.Equal("1:open_channel:1.0", Assert.Single(await _store.LeaseDueAsync("w", _now.AddSeconds(30), Lease, 10)).Key);
        await _store.CompleteStepAsync("1:open_channel:1.0", NoLinks, _now.AddSeconds(31));

        Assert.Equal("1:post_update:2.0", Assert.Single(await _store.LeaseDueAsync("w", _now.AddSeconds(31), Lease, 10)).Key);
    }

    [Fact]
    public async Task LeaseDueAsync_HolderInTheSameGroup_RetriedThenDone_TheRestOfTheGroupGoes()
    {
        await Commit(1, ("1:open_channel:1.0", _now), ("1:sync_card:1.1", _now), ("1:announce:1.2", _now), ("1:timer:1.3", _now.AddMinutes(5)));
        Assert.Equal(3, (await _store.LeaseDueAsync("w", _now, Lease, 10)).Count);
        await _store.RetryStepAsync("1:open_channel:1.0", "down", _now.AddMinutes(1));
        await _store.ReleaseStepAsync("1:sync_card:1.1");
        await _store.ReleaseStepAsync("1:announce:1.2");
        Assert.Empty(await _store.LeaseDueAsync("w", _now, Lease, 10));

        var at = _now.AddMinutes(1);
        Assert.Equal("1:open_channel:1.0", Assert.Single(await _store.LeaseDueAsync("w", at, Lease, 10)).Key);
        Assert.Empty(await _store.LeaseDueAsync("w", at, Lease, 10));
        await _store.CompleteStepAsync("1:open_channel:1.0", NoLinks, at);

        Assert.Equal(["1:sync_card:1.1", "1:announce:1.2"], (await _store.LeaseDueAsync("w", at, Lease, 10)).Select(s => s.Key));
    }

    /// <summary>Incident 1's channel step failed and waits for its retry at <paramref name="retryAt"/>: it holds the incident's later steps.</summary>
    private async Task HoldIncidentOneUntil(DateTimeOffset retryAt)
    {
        await Commit(1, ("1:open_channel:1.0", _now));
        await _store.LeaseDueAsync("w", _now, Lease, 1);
        await _store.RetryStepAsync("1:open_channel:1.0", "slack down", retryAt);
    }
}
