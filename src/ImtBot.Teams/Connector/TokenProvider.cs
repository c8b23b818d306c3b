using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace ImtBot.Teams.Connector;

/// <summary>
/// One MSAL confidential client (client credentials, authority <c>Teams:Authority</c>) for the Bot Connector scope and the
/// Graph scope. MSAL caches the app tokens per client instance, so this is a singleton and a token is fetched once per
/// scope and reused until it is close to expiry.
/// </summary>
internal sealed class TokenProvider(IOptions<TeamsOptions> options, IHttpClientFactory http)
{
    private readonly Lazy<IConfidentialClientApplication> app = new(() => Build(options.Value, http));

    public Task<string> BotTokenAsync(CancellationToken cancellationToken) => AcquireAsync(TeamsConstants.BotScope, cancellationToken);

    public Task<string> GraphTokenAsync(CancellationToken cancellationToken) => AcquireAsync(TeamsConstants.GraphScope, cancellationToken);

    private async Task<string> AcquireAsync(string scope, CancellationToken cancellationToken)
    {
        try
        {
            var result = await app.Value.AcquireTokenForClient([scope]).ExecuteAsync(cancellationToken);
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

    private static IConfidentialClientApplication Build(TeamsOptions o, IHttpClientFactory http) =>
        ConfidentialClientApplicationBuilder.Create(o.AppId)
            .WithClientSecret(o.AppPassword)
            .WithAuthority(o.EffectiveAuthority, validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(new MsalHttpClientFactory(http))
            .Build();

    private sealed class MsalHttpClientFactory(IHttpClientFactory http) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => http.CreateClient(TeamsConstants.LoginClient);
    }
}
