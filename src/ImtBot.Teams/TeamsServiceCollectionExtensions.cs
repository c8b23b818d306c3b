using System.Net;
using ImtBot.Core.Ports;
using ImtBot.Teams.Activities;
using ImtBot.Teams.Auth;
using ImtBot.Teams.Capacity;
using ImtBot.Teams.Connector;
using ImtBot.Teams.Graph;
using ImtBot.Teams.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ImtBot.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Teams adapter when <c>Teams:AppId</c> and <c>Teams:AppPassword</c> are set (otherwise nothing):
    /// options (validated on start), the token validator, the activity router, the Connector and Graph clients, and
    /// <see cref="IChatPlatform"/> "teams". The clients send each request once: a throttled or failed effect goes back
    /// to the outbox, whose dispatcher alone decides when to try it again (docs/reliability.md §Retries). Needs <see cref="ICommandHandler"/>,
    /// <see cref="IIncidentReader"/>, <see cref="IIncidentCards"/> and <see cref="ISettingsStore"/> from the host.
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        // Whether Teams exists at all depends on the settings, so they are read here once, before the container is built.
        var section = configuration.GetSection(TeamsOptions.SectionName);
        if (!TeamsOptions.IsConfigured(section[nameof(TeamsOptions.AppId)], section[nameof(TeamsOptions.AppPassword)]))
        {
            return services;
        }

        services.AddOptions<TeamsOptions>().BindConfiguration(TeamsOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TeamsMarker>();
        services.AddSingleton<SigningKeySource>();
        services.AddSingleton<BotFrameworkAuthenticator>();
        services.AddSingleton<TokenProvider>();
        services.AddSingleton<ServiceUrlPolicy>();
        services.TryAddSingleton(new TeamsPacing());
        services.AddSingleton<ConversationRateLimiter>();
        services.AddSingleton<TenantRateLimiter>();
        services.AddSingleton<TeamRateLimiter>();
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<GraphClient>();
        services.AddSingleton<TeamDirectory>();
        services.AddSingleton<ChannelLedger>();
        services.AddSingleton<ActivityRouter>();
        services.AddSingleton<MessagesEndpoint>();
        services.AddSingleton<IChatPlatform, TeamsPlatform>();

        services.AddHttpClient(TeamsConstants.OpenIdClient, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(TeamsConstants.LoginClient, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(TeamsConstants.ConnectorClient, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(TeamsConstants.GraphClient, c => c.Timeout = TimeSpan.FromSeconds(30));
        return services;
    }
}
