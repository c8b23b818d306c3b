using ImtBot.Core.Alerts;
using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ImtBot.Hosting;

internal static class AlertsExtensions
{
    /// <summary>The <c>Alerts</c> options and the intake that turns alerts into incident commands.</summary>
    public static WebApplicationBuilder AddAlerts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>());
        builder.Services.AddSingleton(sp => new AlertIntake(
            sp.GetRequiredService<IncidentService>(), sp.GetRequiredService<ICommandStore>(), sp.GetRequiredService<IOptions<AlertOptions>>().Value,
            sp.GetRequiredService<IOptions<IncidentOptions>>().Value));
        builder.Services.AddSingleton(sp => new HeartbeatMonitor(
            sp.GetRequiredService<AlertIntake>(), sp.GetRequiredService<ICommandStore>(), sp.GetRequiredService<IOptions<AlertOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<HeartbeatWatch>();
        return builder;
    }
}
