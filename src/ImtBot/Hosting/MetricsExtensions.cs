using ImtBot.Core.Ports;
using ImtBot.Monitoring;
using ImtBot.Storage;

namespace ImtBot.Hosting;

internal static class MetricsExtensions
{
    /// <summary>The <c>/metrics</c> series of this host (see <see cref="BotMetrics"/>).</summary>
    public static WebApplicationBuilder AddMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(sp => new BotMetrics(
            sp.GetRequiredService<IIncidentStore>(), sp.GetRequiredService<IIncidentReader>(), sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
