using ImtBot.Core.Ports;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ImtBot.Hosting;

/// <summary>Says at start-up where the console is and which platforms are on.</summary>
internal static partial class StartupLog
{
    public static void Write(WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ImtBot");
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var platforms = app.Services.GetServices<IChatPlatform>().Select(p => p.Name).ToList();
        LogPlatforms(log, string.Join(", ", platforms));
        foreach (var address in addresses)
        {
            if (app.Services.GetRequiredService<ImtBot.Security.WebSurface>().ConsoleOn)
            {
                LogConsole(log, address.Replace("://[::]", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://127.0.0.1", "://localhost"));
            }
            else
            {
                LogListening(log, address);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Platforms on: {Platforms}")]
    private static partial void LogPlatforms(ILogger log, string platforms);

    [LoggerMessage(Level = LogLevel.Information, Message = "ImtBot console: {Url}/")]
    private static partial void LogConsole(ILogger log, string url);

    [LoggerMessage(Level = LogLevel.Information, Message = "ImtBot listening on {Url} (console off)")]
    private static partial void LogListening(ILogger log, string url);
}
