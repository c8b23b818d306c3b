using System.Net;
using ImtBot.Core.Ports;
using ImtBot.Teams.Activities;
using ImtBot.Teams.Auth;
using ImtBot.Teams.Connector;
using ImtBot.Teams.Graph;
using ImtBot.Teams.Outbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ImtBot.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Teams adapter when <c>Teams:AppId</c> and <c>Teams:AppPassword</c> are set (otherwise nothing):
    /// options (validated on start), the token validator, the activity router, the Connector and Graph clients with
    /// their retry pipeline, and <see cref="IChatPlatform"/> "teams". Needs <see cref="ICommandHandler"/>,
    /// <see cref="IIncidentReader"/>, <see cref="IIncidentCards"/>, <see cref="ICommandStore"/> and <see cref="ISettingsStore"/> from the host.
    /// </summary>
    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(TeamsOptions.Section);
        if (!TeamsOptions.IsConfigured(section["AppId"], section["AppPassword"]))
        {
            return services;
        }

        services.AddOptions<TeamsOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TeamsMarker>();
        services.AddSingleton<SigningKeySource>();
        services.AddSingleton<BotFrameworkAuthenticator>();
        services.AddSingleton<TokenProvider>();
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<ConversationRateLimiter>();
        services.AddSingleton<ConnectorClient>();
        services.AddSingleton<GraphClient>();
        services.AddSingleton<TeamDirectory>();
        services.AddSingleton<ActivityRouter>();
        services.AddSingleton<MessagesEndpoint>();
        services.AddSingleton<IChatPlatform, TeamsPlatform>();

        services.AddHttpClient(TeamsConstants.OpenIdClient, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(TeamsConstants.LoginClient, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddHttpClient(TeamsConstants.ConnectorClient, c => c.Timeout = TimeSpan.FromSeconds(30))
            .AddResilienceHandler("teams-connector", Retry);
        services.AddHttpClient(TeamsConstants.GraphClient, c => c.Timeout = TimeSpan.FromSeconds(30))
            .AddResilienceHandler("teams-graph", Retry);
        return services;
    }

    /// <summary>
    /// Retries 429 and 412 (not applied: safe for every method) and, for GET/PUT/DELETE only, 502/504 and connection
    /// failures; honours <c>Retry-After</c> up to <see cref="RetryPolicy.MaxInlineDelay"/> (longer waits go back to the outbox).
    /// </summary>
    private static void Retry(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        builder.TimeProvider = context.ServiceProvider.GetRequiredService<TimeProvider>();
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = 3,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromSeconds(2),
            MaxDelay = RetryPolicy.MaxInlineDelay,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(RetryPolicy.ShouldRetry(args.Outcome, args.Context.GetRequestMessage()?.Method)),
        });
    }
}
