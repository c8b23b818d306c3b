using ImtBot.Core.Alerts;
using ImtBot.Core.Alerts.Pages;
using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ImtBot.Hosting;

internal static class AlertsExtensions
{
    /// <summary>The <c>Alerts</c> options, the alert pages and the intake that turns alerts into incident and alert page commands.</summary>
    public static WebApplicationBuilder AddAlerts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AlertOptions>().BindConfiguration(AlertOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>());
        builder.Services.AddSingleton(sp => new AlertPageService(
            sp.GetRequiredService<ICommandStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<IncidentOptions>>().Value,
            sp.GetRequiredService<IOptions<AlertOptions>>().Value, sp.GetRequiredService<IncidentService>()));
        builder.Services.AddSingleton<IAlertPageReader>(sp => sp.GetRequiredService<AlertPageService>());
        builder.Services.AddSingleton(sp => new AlertIntake(
            sp.GetRequiredService<IncidentService>(), sp.GetRequiredService<ICommandStore>(), sp.GetRequiredService<IOptions<AlertOptions>>().Value,
            sp.GetRequiredService<IOptions<IncidentOptions>>().Value, sp.GetRequiredService<AlertPageService>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton(sp => new HeartbeatMonitor(
            sp.GetRequiredService<AlertIntake>(), sp.GetRequiredService<ICommandStore>(), sp.GetRequiredService<IOptions<AlertOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<HeartbeatWatch>();
        return builder;
    }
}
