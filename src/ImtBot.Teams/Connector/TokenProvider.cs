using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace ImtBot.Teams.Connector;

/// <summary>
/// MSAL confidential clients (client credentials) for the Bot Connector scope (authority
/// <see cref="TeamsOptions.EffectiveAuthority"/>, which follows <c>Teams:AppType</c>) and the Graph scope (the team's
/// tenant, <see cref="TeamsOptions.GraphAuthority"/>). MSAL caches the app tokens per client instance, so this is a
/// singleton and a token is fetched once per scope and reused until it is close to expiry.
/// </summary>
internal sealed class TokenProvider(IOptions<TeamsOptions> options, IHttpClientFactory http)
{
    private readonly Lazy<IConfidentialClientApplication> bot = new(() => Build(options.Value, options.Value.EffectiveAuthority, http));
    private readonly Lazy<IConfidentialClientApplication?> graph = new(() =>
        options.Value.GraphAuthority == options.Value.EffectiveAuthority ? null : Build(options.Value, options.Value.GraphAuthority, http));

    public Task<string> BotTokenAsync(CancellationToken cancellationToken) => AcquireAsync(bot.Value, TeamsConstants.BotScope, cancellationToken);

    public Task<string> GraphTokenAsync(CancellationToken cancellationToken) =>
        AcquireAsync(graph.Value ?? bot.Value, TeamsConstants.GraphScope, cancellationToken);

    private static async Task<string> AcquireAsync(IConfidentialClientApplication app, string scope, CancellationToken cancellationToken)
    {
        try
        {
            var result = await app.AcquireTokenForClient([scope]).ExecuteAsync(cancellationToken);
            return result.AccessToken;
        }
        catch (MsalServiceException e)
        {
            // The message names the error code only; MSAL never puts the secret in it.
            throw new ConnectorException($"token request failed: {e.ErrorCode}", (System.Net.HttpStatusCode)e.StatusCode, e.ErrorCode, mayHaveApplied: false, inner: null);
        }
        catch (MsalClientException e)
        {
            throw new ConnectorException($"token request failed: {e.ErrorCode}", 0, e.ErrorCode, mayHaveApplied: true, inner: null);
        }
    }

    private static IConfidentialClientApplication Build(TeamsOptions o, string authority, IHttpClientFactory http) =>
        ConfidentialClientApplicationBuilder.Create(o.AppId)
            .WithClientSecret(o.AppPassword)
            .WithAuthority(authority, validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new MsalHttpClientFactory(http))
            .Build();

    private sealed class MsalHttpClientFactory(IHttpClientFactory http) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => http.CreateClient(TeamsConstants.LoginClient);
    }
}
