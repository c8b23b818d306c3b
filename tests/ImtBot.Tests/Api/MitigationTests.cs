using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Api;

/// <summary>An incident resolved without being marked mitigated was mitigated when it was resolved, wherever it is shown.</summary>
public class MitigationTests
{
    [Fact]
    public async Task ResolvedStraightFromInvestigating_ApiReviewAndReviewCardShowTheResolveAsMitigation()
    {
        await using var host = await TestHost.StartAsync();
        Assert.True((await host.SayAsync("alice", "general", "/incident declare Search results are empty sev2")).Accepted);
        await host.DrainOutboxAsync();
        var channel = (string)(await host.GetArrayAsync("/api/console/channels?user=alice")).Single(c => (int?)c!["incident"] == 1)!["id"]!;
        Assert.True((await host.SayAsync("alice", channel, "/incident lead")).Accepted);
        Assert.True((await host.SayAsync("alice", channel, "/incident investigating")).Accepted);
        await host.AdvanceAsync(TimeSpan.FromMinutes(15));

        Assert.True((await host.SayAsync("alice", channel, "/incident resolved")).Accepted);

        var incident = await host.GetJsonAsync("/api/incidents/1");
        Assert.NotNull(incident["mitigatedAt"]);
        Assert.Equal((string)incident["resolvedAt"]!, (string)incident["mitigatedAt"]!);
        var review = await host.Http.GetStringAsync("/api/incidents/1/review.md");
        ReviewAssert.HasDurations(review, acknowledge: null, mitigate: TimeSpan.FromMinutes(15), resolve: TimeSpan.FromMinutes(15));

        Assert.True((await host.SayAsync("alice", channel, "/incident close")).Accepted);
        await host.DrainOutboxAsync();
        var cards = (await host.MessagesAsync(channel)).Where(m => m!["card"] is not null).Select(m => m!["card"]!.ToJsonString()).ToList();
        Assert.Contains(cards, c => c.Contains("time to mitigate 15 min", StringComparison.Ordinal));
    }
}
