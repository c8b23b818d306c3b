using ImtBot.Teams.Connector;

namespace ImtBot.Teams.Graph;

/// <summary>Microsoft Graph's Teams limit of 4 requests per second per team, for every call under <c>teams/{id}/</c>.</summary>
internal sealed class TeamRateLimiter(TimeProvider time, TeamsPacing pacing)
{
    private readonly SlidingWindowLimiter limiter = new(time, [new(4, TimeSpan.FromSeconds(1))], queueLimit: 1000, "team", pacing);

    public Task<SlidingWindowLimiter.Lease> AcquireAsync(string teamId, CancellationToken cancellationToken) => limiter.AcquireAsync(teamId, cancellationToken);
}
