using ImtBot.Storage;

namespace ImtBot.Api;

/// <summary><c>/healthz</c>: the process answers. <c>/readyz</c>: the store is open, its lock held and its chains verified.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapGet("/readyz", async (LiteIncidentStore store, CancellationToken ct) =>
        {
            var health = await store.ProbeAsync(ct);
            return health.Ready
                ? Results.Ok(new { status = "ready" })
                : Results.Json(new { status = "not ready", reason = health.Reason }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return app;
    }
}
