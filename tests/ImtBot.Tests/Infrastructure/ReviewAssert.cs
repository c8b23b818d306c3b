namespace ImtBot.Tests.Infrastructure;

/// <summary>Checks the review's milestone durations, in the review's own duration format.</summary>
public static class ReviewAssert
{
    /// <param name="acknowledge">Null when nothing was acknowledged (nobody was paged, or the declarer led).</param>
    public static void HasDurations(string review, TimeSpan? acknowledge, TimeSpan mitigate, TimeSpan resolve)
    {
        if (acknowledge is { } ack)
        {
            AssertLine(review, "acknowledge", ack);
        }
        else
        {
            Assert.Contains("| Time to acknowledge | — ", review);
        }

        AssertLine(review, "mitigate", mitigate);
        AssertLine(review, "resolve", resolve);
    }

    private static void AssertLine(string review, string milestone, TimeSpan expected)
    {
        var line = review.Split('\n').FirstOrDefault(l => l.Contains("Time to " + milestone, StringComparison.OrdinalIgnoreCase));
        Assert.True(line is not null, $"the review has no \"Time to {milestone}\" line:\n{review}");
        Assert.Contains(Core.Reviews.DurationText.Format(expected), line);
    }
}
