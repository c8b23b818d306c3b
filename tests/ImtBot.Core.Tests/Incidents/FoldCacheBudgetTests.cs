using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;

namespace ImtBot.Core.Tests.Incidents;

/// <summary>The folds kept stay within their event budget, the least recently used going first; a later version wins.</summary>
public class FoldCacheBudgetTests
{
    private static Incident Fold(int number, int notes = 0)
    {
        var s = new Scenario { Number = number };
        s.Ok(People.Alice, new DeclareCommand("Checkout is failing", 2, false));
        for (var i = 0; i < notes; i++)
        {
            s.Ok(People.Alice, new NoteCommand($"note {i}"));
        }

        return Incident.Replay(s.Events);
    }

    [Fact]
    public void PastTheBudget_LeastRecentlyUsedDropped_DownToThreeQuarters()
    {
        var weight = FoldCache.Weight(Fold(1));
        var cache = new FoldCache(eventBudget: 4 * weight);
        var n = 0;
        while (cache.Events + weight <= 4 * weight)
        {
            cache.Remember(Fold(++n));
        }

        Assert.Equal(n, cache.Count);
        Assert.NotNull(cache.Find(1)); // used: now the most recent
        cache.Remember(Fold(++n)); // over the budget

        Assert.True(cache.Events <= 3 * weight && cache.Events > 2 * weight, $"{cache.Events} events kept: three quarters of {4 * weight} is {3 * weight}");
        Assert.Equal(1, cache.Find(1)?.Number);
        Assert.Equal(n, cache.Find(n)?.Number);
        Assert.Null(cache.Find(2));
    }

    /// <summary>A fold weighs what it holds besides its events: small incidents do not fill the budget thousands at a time.</summary>
    [Fact]
    public void Weight_OfASmallIncident_IsMostlyTheFoldItself_SoTheDefaultBudgetKeepsHundredsNotThousands()
    {
        var small = Fold(1);
        Assert.True(FoldCache.Weight(small) >= 10 * small.Version, $"a {small.Version}-event fold weighs {FoldCache.Weight(small)}");
        Assert.InRange(FoldCache.DefaultEventBudget / FoldCache.Weight(small), 300, 2_000);
        Assert.Equal(FoldCache.Weight(small) + 9_000, FoldCache.Weight(Fold(2, notes: 9_000)));
    }

    [Fact]
    public void OlderVersion_DoesNotReplaceANewerOne_AndTheWeightFollowsTheVersion()
    {
        var cache = new FoldCache();
        var newer = Fold(7, notes: 3);
        cache.Remember(newer);
        cache.Remember(Fold(7, notes: 1));

        Assert.Same(newer, cache.Find(7));
        Assert.Equal(FoldCache.Weight(newer), cache.Events);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void ManyThreadsRememberingAtOnce_NoneThrows_AndTheCountOfEventsAddsUp()
    {
        var folds = Enumerable.Range(1, 3_000).Select(n => Fold(n)).ToArray();
        var budget = 1_000 * FoldCache.Weight(folds[0]);
        var cache = new FoldCache(budget);

        Parallel.For(0, 30_000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            cache.Remember(folds[i % folds.Length]);
            cache.Find(folds[(i * 7) % folds.Length].Number);
        });

        var kept = folds.Select(f => cache.Find(f.Number)).OfType<Incident>().ToList();
        Assert.Equal(kept.Count, cache.Count);
        Assert.Equal(kept.Sum(FoldCache.Weight), cache.Events);
        Assert.True(cache.Events <= budget + (8 * FoldCache.Weight(folds[0])), $"{cache.Events} events kept, budget {budget}");
    }
}
