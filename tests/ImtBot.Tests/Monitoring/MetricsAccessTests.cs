using System.Net;
using System.Net.Http.Headers;
using ImtBot.Core.Platforms;
using ImtBot.Security;
using ImtBot.Storage;
using ImtBot.Tests.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Tests.Monitoring;

/// <summary>
/// With sign-in configured, <c>/metrics</c>, <c>/api/insights</c> and <c>/insights</c> are read APIs of the web surface:
/// 401 without credentials, 200 for a <c>read</c> token (how Prometheus scrapes).
/// </summary>
public class MetricsAccessTests
{
    [Theory]
    [InlineData("/metrics")]
    [InlineData("/api/insights")]
    [InlineData("/insights")]
    public async Task SignIn_AnonymousRefused_ReadTokenServed(string path)
    {
        var (host, _) = await SignInHost.StartAsync();
        await using (host)
        {
            var (token, _) = (await host.Services.GetRequiredService<ApiTokenStore>().CreateAsync("prometheus", ApiTokenScopes.Read, new UserRef("cli", "ops", "ops")))!.Value;

            // Not following redirects: a browser page challenges with a redirect to the sign-in provider.
            using var bare = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseAddress };
            var anonymous = await bare.GetAsync(path);
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var scraped = await bare.SendAsync(request);

            Assert.True(anonymous.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Redirect or HttpStatusCode.Found, $"{path}: {anonymous.StatusCode}");
            Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        }
    }
}
