using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Teams.Testing;

/// <summary>Points the Teams adapter's named HTTP clients (OpenID metadata, login, Connector, Graph) at a <see cref="FakeHttp"/>.</summary>
public static class TeamsFakes
{
    public static IReadOnlyList<string> ClientNames { get; } =
        [TeamsConstants.OpenIdClient, TeamsConstants.LoginClient, TeamsConstants.ConnectorClient, TeamsConstants.GraphClient];

    /// <summary>Swaps the primary handler of every Teams client; the adapter's own pipeline (retries) stays in place.</summary>
    public static IServiceCollection UseTeamsFakes(this IServiceCollection services, FakeHttp http)
    {
        foreach (var name in ClientNames)
        {
            services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(http.Handler);
        }

        return services;
    }
}
