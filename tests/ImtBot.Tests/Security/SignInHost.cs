using ImtBot.Hosting;
using ImtBot.Teams.Testing;
using ImtBot.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Tests.Security;

/// <summary>The real host with <c>Auth:Oidc</c> pointing at <see cref="FakeOidcProvider"/>.</summary>
public static class SignInHost
{
    public static Task<(TestHost Host, FakeOidcProvider Provider)> StartAsync(Action<WebApplicationBuilder>? configure = null, params string[] settings) =>
        StartAsync(configure, databasePath: null, settings);

    public static async Task<(TestHost Host, FakeOidcProvider Provider)> StartAsync(Action<WebApplicationBuilder>? configure, string? databasePath, params string[] settings)
    {
        var http = new FakeHttp();
        var provider = new FakeOidcProvider(http);

        // On the real date: the OIDC handler checks a nonce's age against the system clock.
        var host = await TestHost.StartAsync(
            b =>
            {
                b.Services.Configure<OpenIdConnectOptions>(SecurityExtensions.OidcScheme, o => o.BackchannelHttpHandler = http.Handler());
                configure?.Invoke(b);
            },
            databasePath,
            new FakeTimeProvider(DateTimeOffset.UtcNow),
            [
                "Auth:Oidc:Authority=" + FakeOidcProvider.Authority,
                "Auth:Oidc:ClientId=" + FakeOidcProvider.ClientId,
                "Auth:Oidc:ClientSecret=" + FakeOidcProvider.ClientSecret,
                .. settings,
            ]);
        return (host, provider);
    }
}
