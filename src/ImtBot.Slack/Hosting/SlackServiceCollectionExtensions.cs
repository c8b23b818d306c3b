using ImtBot.Core.Ports;
using ImtBot.Slack.Inbound;
using ImtBot.Slack.Platform;
using ImtBot.Slack.Security;
using ImtBot.Slack.SocketMode;
using ImtBot.Slack.WebApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ImtBot.Slack.Hosting;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Registers Slack when <c>Slack:BotToken</c> is set: options (validated at start), the Web API client, the inbound
    /// adapter, <see cref="IChatPlatform"/> <c>slack</c>, and the Socket Mode service when <c>Slack:AppToken</c> is set.
    /// Needs <see cref="ICommandHandler"/> and <see cref="IIncidentCards"/> from the host.
    /// </summary>
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());

        // Which services exist depends on the settings, so they are read here once, before the container is built.
        var settings = configuration.GetSection(SlackOptions.SectionName).Get<SlackOptions>() ?? new SlackOptions();
        if (!settings.Enabled)
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SlackApiClient.HttpClientName, client => client.Timeout = SlackApiClient.RequestTimeout);
        services.AddSingleton(sp => new SlackRateGate(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SlackApiClient>();
        services.AddSingleton<SlackWebApi>();
        services.AddSingleton<SlackUserNames>();
        services.AddSingleton<SlackInbound>();

        // Response URLs come inside payloads: never follow a redirect away from the host that was checked.
        services.AddHttpClient(SlackResponseUrl.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        services.AddSingleton<SlackResponseUrl>();
        services.AddSingleton(sp => new SlackSignatureVerifier(sp.GetRequiredService<IOptions<SlackOptions>>().Value.SigningSecret, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SlackHttpEndpoints>();
        services.AddSingleton<SlackPlatform>();
        services.AddSingleton<IChatPlatform>(sp => sp.GetRequiredService<SlackPlatform>());
        if (settings.SocketMode)
        {
            services.AddHostedService<SlackSocketModeService>();
        }

        return services;
    }
}
