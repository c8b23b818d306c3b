using ImtBot.Api.Dtos;
using ImtBot.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ImtBot.Api;

/// <summary>
/// <c>/healthz</c>: the process answers. <c>/readyz</c>: the store is open, its lock held, its chains verified, its last
/// write succeeded and its disk above <c>Storage:MinFreeBytes</c> (docs/reliability.md §Durability).
/// </summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", Live).AllowAnonymous();
        app.MapGet("/readyz", ReadyAsync).AllowAnonymous();
        return app;
    }

    internal static Ok<HealthDto> Live() => TypedResults.Ok(new HealthDto("ok"));

    internal static async Task<Results<Ok<HealthDto>, JsonHttpResult<HealthDto>>> ReadyAsync(IIncidentStore store, CancellationToken ct)
    {
        var health = await store.ProbeAsync(ct);
        return health.Ready
            ? TypedResults.Ok(new HealthDto("ready"))
            : TypedResults.Json(new HealthDto("not ready", health.Reason), statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
