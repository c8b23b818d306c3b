using ImtBot.Core.Ports;
using ImtBot.Dispatch;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ImtBot.Hosting;

internal static class DispatchExtensions
{
    /// <summary>The outbox runner and the signal that wakes it after each command.</summary>
    public static WebApplicationBuilder AddEffectDispatcher(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<DispatcherOptions>().BindConfiguration(DispatcherOptions.SectionName).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DispatcherOptions>, DispatcherOptionsValidator>());
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<PlatformHealth>();
        builder.Services.AddSingleton<IPlatformHealth>(sp => sp.GetRequiredService<PlatformHealth>());
        builder.Services.AddSingleton<EffectDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<EffectDispatcher>());
        return builder;
    }
}
