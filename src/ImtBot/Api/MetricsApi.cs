using ImtBot.Monitoring;
using ImtBot.Security;
using Prometheus;

namespace ImtBot.Api;

/// <summary>
/// <c>/metrics</c> in the Prometheus text format, so the bot itself can be monitored. It is part of the web surface
/// with the viewer policy, like the other read APIs: the counts describe incidents, so they are not for anyone who can
/// reach the port. Prometheus scrapes it with a <c>read</c> API token as a bearer (or without one in the loopback demo).
/// </summary>
public static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        var metrics = app.ServiceProvider.GetRequiredService<BotMetrics>();
        app.MapMetrics("/metrics", metrics.Registry).RequireAuthorization(Policies.Viewer);
        return app;
    }
}
