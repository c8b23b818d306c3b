namespace ImtBot.Core.Reviews;

/// <summary>
/// Count, median and 90th percentile of a set of durations, by the <b>nearest-rank</b> method: the p-th percentile of
/// n sorted values is the value at rank ⌈p·n⌉ (1-based). The median is the 50th percentile, so for an even count it is
/// the lower of the two middle values; every reported value is one that was observed. Empty sets have no median or p90.
/// </summary>
public sealed record DurationStats(int Count, TimeSpan? Median, TimeSpan? P90)
{
    public static DurationStats Empty { get; } = new(0, null, null);

    public static DurationStats Of(IEnumerable<TimeSpan> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? Empty : new DurationStats(sorted.Length, NearestRank(sorted, 0.5), NearestRank(sorted, 0.9));
    }

    /// <summary>The value at rank ⌈p·n⌉ of <paramref name="sorted"/> (ascending, not empty), for 0 &lt; p ≤ 1.</summary>
    public static TimeSpan NearestRank(IReadOnlyList<TimeSpan> sorted, double p)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);

        // Decimal arithmetic so that 0.9 × 10 is exactly 9, not 9.000000000000002 rounded up to 10.
        var rank = (int)Math.Ceiling((decimal)p * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
