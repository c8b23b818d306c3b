using ImtBot.Api;
using ImtBot.Storage;

namespace ImtBot.Hosting;

/// <summary>
/// A request that needs the store while it cannot be reached (PostgreSQL stopped or restarting, a LiteDB I/O fault) is
/// answered 503 with the reason, on every endpoint — not a 500 with an empty body. Nothing it asked for was
/// acknowledged; sent again (with the same id) once <c>/readyz</c> answers 200, it is applied once.
/// </summary>
internal static partial class StorageUnavailableAnswers
{
    public static WebApplication UseStorageUnavailableAnswers(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageUnavailableAnswers));
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (StorageUnavailableException e) when (!context.Response.HasStarted)
            {
                LogRefused(log, context.Request.Path, e.Message);
                context.Response.Clear();
                await BoundedJson.Problem(503, $"{e.Message} Send it again with the same \"id\" once /readyz answers 200: it is applied once.").ExecuteAsync(context);
            }
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused {Path} with 503: the store is unavailable ({Reason})")]
    private static partial void LogRefused(ILogger logger, PathString path, string reason);
}
