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
}
