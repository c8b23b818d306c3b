using ImtBot.Core.Reviews;

namespace ImtBot.Core.Tests.Reviews;

public class DurationStatsTests
{
    private static TimeSpan M(int minutes) => TimeSpan.FromMinutes(minutes);

    [Fact]
    public void Of_OneToTen_MedianFifthAndP90Ninth()
    {
        var stats = DurationStats.Of(Enumerable.Range(1, 10).Reverse().Select(M));

        Assert.Equal(new DurationStats(10, M(5), M(9)), stats);
    }

    [Fact]
    public void Of_EvenCount_MedianIsTheLowerMiddle()
    {
        Assert.Equal(new DurationStats(4, M(20), M(40)), DurationStats.Of([M(40), M(10), M(30), M(20)]));
    }

    [Fact]
    public void Of_OddCount_MedianIsTheMiddle()
    {
        Assert.Equal(new DurationStats(3, M(7), M(100)), DurationStats.Of([M(100), M(2), M(7)]));
    }

    [Fact]
    public void Of_Single_IsEverything()
    {
        Assert.Equal(new DurationStats(1, M(3), M(3)), DurationStats.Of([M(3)]));
    }

    [Fact]
    public void Of_Empty_HasNoValues()
    {
        Assert.Equal(DurationStats.Empty, DurationStats.Of([]));
    }

    [Theory]
    [InlineData(20, 0.9, 18)]
    [InlineData(11, 0.9, 10)]
    [InlineData(11, 0.5, 6)]
    [InlineData(2, 0.9, 2)]
    [InlineData(5, 1.0, 5)]
    public void NearestRank_Ranks(int count, double p, int expectedMinutes)
    {
        var sorted = Enumerable.Range(1, count).Select(M).ToArray();

        Assert.Equal(M(expectedMinutes), DurationStats.NearestRank(sorted, p));
    }
}
