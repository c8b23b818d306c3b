using ImtBot.ConsoleChat;
using ImtBot.Dispatch;
using ImtBot.Api;
using ImtBot.Drills;
using ImtBot.Schedules;
using Microsoft.Extensions.Options;

namespace ImtBot.Hosting;

/// <summary>Builds and runs the web host: one composition root, read top to bottom.</summary>
public static class ImtBotApp
{
    public const string DefaultUrl = "http://localhost:5080";

    private const string ReloadConfigOnChangeKey = "hostBuilder:reloadConfigOnChange";

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Settings are read once at start (nothing here uses IOptionsMonitor), so the JSON files are not watched: a
        // reload-on-change watcher covers the whole content root, database folder included, and under load it woke
        // for every LiteDB write. A later --hostBuilder:reloadConfigOnChange=true still wins.
        var builder = WebApplication.CreateBuilder([$"--{ReloadConfigOnChangeKey}=false", .. args]);

        // Listen on localhost:5080 unless --urls or ASPNETCORE_URLS says otherwise.
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Storage first: one LiteDB file per process, guarded by a lock file.
        builder.AddImtBotStorage();

        // The incident domain: parse → decide → commit, and the cards it posts.
        builder.AddIncidents();
        builder.AddPlans();
        builder.AddCards();
        builder.AddDrills();

        // Regulatory clocks: the regimes an incident can be under, and the anchor log of closed incidents' chain heads.
        builder.AddCompliance();

        // Effects run from the outbox through the platform of each incident.
        builder.AddEffectDispatcher();

        // Platforms: the local console always exists as a platform; Slack and Teams when their credentials are set.
        builder.AddConsoleChat();
        builder.AddChatPlatforms();

        // Who may see and do what on the web surface (console, incidents API, pages).
        builder.AddWebSecurity();
        // Monitoring: alert webhooks and heartbeats.
        builder.AddAlerts();
        // The bot's own health for Prometheus: /metrics.
        builder.AddMetrics();
        // Host-level schedules: the weekly follow-up digest and the practice reminder.
        builder.AddSchedules();

        configure?.Invoke(builder);

        var app = builder.Build();

        // Every configuration problem at once, before anything resolves an options value on its own.
        app.Services.GetRequiredService<IStartupValidator>().Validate();

        // First, so that a request refused because the store is away (also in sign-in checks) is a 503 everywhere.
        app.UseStorageUnavailableAnswers();
        app.UseWebSecurity();
        app.MapHealth();
        app.MapIncidentsApi();
        app.MapAdminApi();
        app.MapEvidenceApi();
        app.MapDrillsApi();
        app.MapConsoleChat();
        app.MapChatPlatforms();
        app.MapAlertsApi();
        app.MapHeartbeatsApi();
        app.MapMetricsApi();
        app.MapInsightsApi();

        app.Lifetime.ApplicationStarted.Register(() => StartupLog.Write(app));
        return app;
    }

    /// <summary>Runs until shutdown; returns 1 with one clear message when configuration or storage is unusable.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? errors = null, CancellationToken stop = default)
    {
        WebApplication app;
        try
        {
            app = Build(args);
            await app.StartAsync(stop);
        }
        catch (Exception e) when (StartupFailure.Describe(e) is { } message)
        {
            await (errors ?? Console.Error).WriteLineAsync(message);
            return 1;
        }

        await app.WaitForShutdownAsync(stop);
        await app.DisposeAsync();
        return 0;
    }
}
