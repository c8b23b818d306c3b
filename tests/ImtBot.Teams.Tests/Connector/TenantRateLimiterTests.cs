using ImtBot.Teams.Connector;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Teams.Tests.Connector;

/// <summary>
/// The tenant's 30 Connector requests per second: requests of many conversations are in flight together, each counts
/// until it is answered, and an outbox step whose turn is far off is told to come back at it, its turn kept.
/// </summary>
public sealed class TenantRateLimiterTests
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/50612dbb-0237-4969-b378-8d42590f9c00/";
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider time = new(Start);

    [Fact]
    public async Task ThirtyInFlightTogether_TheNextWaitsASecondFromTheFirstAnswer()
    {
        var limiter = Limiter(new TeamsPacing(TimeSpan.MaxValue));

        // Thirty requests go out at once, none waiting for another's answer (a round trip each would cap the tenant).
        var inFlight = new List<SlidingWindowLimiter.Lease>();
        for (var i = 0; i < 30; i++)
        {
            var turn = limiter.AcquireAsync(ServiceUrl, CancellationToken.None);
            Assert.True(turn.IsCompleted, $"request {i + 1} waited");
            inFlight.Add(await turn);
        }

        // The 31st waits: the thirty still count, and keep counting while unanswered, whatever the clock says.
        var next = limiter.AcquireAsync(ServiceUrl, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1.5));
        await Task.Delay(20);
        Assert.False(next.IsCompleted);

        // They are answered at 1.5 s: the window has room one second later.
        inFlight.ForEach(l => l.Dispose());
        time.Advance(TimeSpan.FromSeconds(0.9));
        await Task.Delay(20);
        Assert.False(next.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));
        using var lease = await next.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(Start + TimeSpan.FromSeconds(2.5), time.GetUtcNow());
    }

    [Fact]
    public async Task OtherTenants_AndATurnGivenBackUnused_DoNotCount()
    {
        var limiter = Limiter(new TeamsPacing(TimeSpan.MaxValue));
        for (var i = 0; i < 29; i++)
        {
            (await limiter.AcquireAsync(ServiceUrl, CancellationToken.None)).Dispose();
        }

        // Another tenant's service URL has its own 30; a turn given back because nothing was sent leaves room.
        for (var i = 0; i < 30; i++)
        {
            (await limiter.AcquireAsync("https://smba.trafficmanager.net/emea/0f7e5a43-6c1b-4d4f-9d6a-1b2c3d4e5f60/", CancellationToken.None)).Dispose();
        }

        (await limiter.AcquireAsync(ServiceUrl, CancellationToken.None)).Unused();
        var thirtieth = limiter.AcquireAsync(ServiceUrl, CancellationToken.None);

        Assert.True(thirtieth.IsCompleted);
        (await thirtieth).Dispose();
        Assert.False(limiter.AcquireAsync(ServiceUrl, CancellationToken.None).IsCompleted);
    }

    [Fact]
    public async Task TenantFull_AStepFarFromItsTurnIsSentAway_ItsTurnKept_ItGoesAtIt()
    {
        var limiter = Limiter(new TeamsPacing(TimeSpan.FromMilliseconds(500)));
        for (var i = 0; i < 30; i++)
        {
            (await limiter.AcquireAsync(ServiceUrl, CancellationToken.None)).Dispose();
        }

        // Thirty steps take the next second's turns and are sent away; the thirty-first gets the second after that.
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 31; i++)
        {
            using var step = TeamsPacing.ForStep("step-" + i);
            waits.Add((await Assert.ThrowsAsync<ConnectorPacedException>(() => limiter.AcquireAsync(ServiceUrl, CancellationToken.None))).Wait);
        }

        Assert.All(waits.Take(30), w => Assert.Equal(TimeSpan.FromSeconds(1), w));
        Assert.Equal(TimeSpan.FromSeconds(2), waits[^1]);

        // At its turn each comes back and goes at once, its turn redeemed.
        time.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 30; i++)
        {
            using var step = TeamsPacing.ForStep("step-" + i);
            var turn = limiter.AcquireAsync(ServiceUrl, CancellationToken.None);
            Assert.True(turn.IsCompleted, $"step-{i} waited at its turn");
            (await turn).Dispose();
        }
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/amer/50612dbb-0237-4969-b378-8d42590f9c00/", "50612dbb-0237-4969-b378-8d42590f9c00")]
    [InlineData("https://smba.trafficmanager.net/amer/50612DBB-0237-4969-B378-8D42590F9C00", "50612dbb-0237-4969-b378-8d42590f9c00")]
    [InlineData("https://smba.trafficmanager.net/amer/", "https://smba.trafficmanager.net/amer")]
    public void TenantOf_TheTenantIdInTheServiceUrl_ElseTheWholeUrl(string serviceUrl, string key) =>
        Assert.Equal(key, TenantRateLimiter.TenantOf(serviceUrl));

    private TenantRateLimiter Limiter(TeamsPacing pacing) => new(Options.Create(new TeamsOptions()), time, pacing);
}
