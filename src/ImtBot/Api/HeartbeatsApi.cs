using ImtBot.Security;
using ImtBot.Api.Alerts;
using ImtBot.Core.Alerts;
using Microsoft.Extensions.Options;

namespace ImtBot.Api;

/// <summary>
/// <c>POST /api/heartbeats/&lt;name&gt;</c>: monitoring's dead man's switch calls this at least once per interval, with
/// the heartbeat's bearer token (anonymous to people's sign-in, like the alert endpoints). The body is ignored.
/// </summary>
public static class HeartbeatsApi
{
    public static IEndpointRouteBuilder MapHeartbeatsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/heartbeats/{name}", BeatAsync).AllowAnonymous().RequireRateLimiting(RateLimits.Webhooks);
        return app;
    }

    internal static async Task<IResult> BeatAsync(
        string name, HttpRequest request, IOptions<AlertOptions> options, HeartbeatMonitor monitor, ILoggerFactory logs, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!options.Value.Heartbeats.TryGetValue(name, out var beat))
        {
            return TypedResults.Problem(detail: $"There is no heartbeat \"{name}\": configure Alerts:Heartbeats:{name}:Interval and :Token.", statusCode: 404);
        }

        if (!BearerToken.Matches(request, beat.Token))
        {
            logs.CreateLogger(typeof(HeartbeatsApi)).LogWarning(
                "Heartbeat {Heartbeat}: refused a request from {Remote} with a missing or wrong bearer token", name, request.HttpContext.Connection.RemoteIpAddress);
            return TypedResults.Problem(detail: $"Send Authorization: Bearer <the token of Alerts:Heartbeats:{name}>.", statusCode: 401);
        }

        var back = await monitor.BeatAsync(name, cancellationToken);
        return TypedResults.Ok(new HeartbeatDto(name, back, time.GetUtcNow() + beat.Interval));
    }
}

/// <summary>A beat's answer: whether it ended a silence, and when the next one is due at the latest.</summary>
public sealed record HeartbeatDto(string Name, bool Returned, DateTimeOffset DueBy);
