using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ImtBot.Core.Platforms;
using ImtBot.Security;
using ImtBot.Tests.Infrastructure;
using ImtBot.Tests.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImtBot.Tests.Security;

/// <summary>The hardened edge: headers, anti-forgery on console actions, per-source limits, quiet probes, no secret anywhere.</summary>
public class EdgeTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/api/incidents")]
    [InlineData("/healthz")]
    public async Task Response_CarriesSecurityHeaders_NoInlineScriptsNoFramingNoBanner(string path)
    {
        await using var host = await TestHost.StartAsync();

        var response = await host.Http.GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var script = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", script);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Theory]
    [InlineData("text/plain", null, null)]
    [InlineData("application/json", "https://evil.example", null)]
    [InlineData("application/json", null, "cross-site")]
    public async Task ConsoleAction_FromAnotherSite_RefusedAndNothingPosted(string contentType, string? origin, string? fetchSite)
    {
        await using var host = await TestHost.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/console/messages")
        {
            Content = new StringContent("""{"user":"alice","channel":"general","text":"/incident declare Forged sev1"}""", Encoding.UTF8, contentType),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await host.GetArrayAsync("/api/incidents"));
    }

    [Fact]
    public async Task ConsoleAction_SameOrigin_Accepted()
    {
        await using var host = await TestHost.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/console/messages") { Content = JsonContent.Create(new { user = "alice", channel = "general", text = "hello" }) };
        request.Headers.Add("Origin", host.BaseAddress.GetLeftPart(UriPartial.Authority));
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        Assert.Equal(HttpStatusCode.OK, (await host.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task LocalDemo_RequestNamingAnotherHost_NotSignedIn()
    {
        // DNS rebinding: a page at evil.example resolves its name to 127.0.0.1 and calls the demo with that Host.
        await using var host = await TestHost.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/incidents");
        request.Headers.Host = "evil.example";

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task ConsoleActions_BeyondTheLimit_429WithRetryAfter()
    {
        await using var host = await TestHost.StartAsync(settings: ["RateLimits:ConsolePerMinute=3"]);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await host.Http.PostAsJsonAsync("/api/console/messages", new { user = "alice", channel = "general", text = $"hello {i}" })).StatusCode);
        }

        var last = await host.Http.PostAsJsonAsync("/api/console/messages", new { user = "alice", channel = "general", text = "one more" });
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("60", last.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/api/incidents")).StatusCode);
    }

    [Fact]
    public async Task SlackWebhook_BeyondTheLimit_429_DefaultLeavesRoomForRetries()
    {
        await using var slack = await SlackHarness.StartAsync(more: ["RateLimits:WebhooksPerMinute=4"]);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            // Unsigned: refused by the adapter (401), but counted by the edge before it.
            statuses.Add((await slack.Host.Http.PostAsync("/api/slack/commands", new StringContent("text=help", Encoding.UTF8, "application/x-www-form-urlencoded"))).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);

        // A delivery and Slack's 3 retries, for every command of a busy minute, stay far within the default.
        Assert.True(new RateLimitOptions().WebhooksPerMinute >= 4 * 100);
    }

    [Fact]
    public async Task HealthProbes_SayOnlyTheirStatus()
    {
        await using var host = await TestHost.StartAsync();

        var live = await host.Http.GetAsync("/healthz");
        var ready = await host.Http.GetAsync("/readyz");

        Assert.Equal("""{"status":"ok"}""", (await live.Content.ReadFromJsonAsync<JsonObject>())!.ToJsonString());
        Assert.Equal("""{"status":"ready"}""", (await ready.Content.ReadFromJsonAsync<JsonObject>())!.ToJsonString());
        Assert.False(live.Headers.Contains("Server"));
    }

    [Fact]
    public async Task FullRun_NoConfiguredSecretInAnyLogLineOrResponse()
    {
        var log = new CapturedLog();
        var (host, provider) = await SignInHost.StartAsync(b => b.Logging.AddProvider(log), databasePath: null, "Logging:LogLevel:Default=Trace");
        await using var _ = host;
        var (token, _) = (await host.Services.GetRequiredService<ApiTokenStore>().CreateAsync("ci", ApiTokenScopes.Admin, new UserRef("cli", "ops", "ops")))!.Value;
        using var session = await BrowserSession.SignInAsync(host.BaseAddress, provider, "pat@contoso.com", "Pat Park", Roles.Admin);
        var bodies = new List<string>();

        async Task Read(HttpResponseMessage r) => bodies.Add(r.Headers + "\n" + r.Content.Headers + "\n" + await r.Content.ReadAsStringAsync());
        await Read(await session.PostAsJsonAsync("/api/console/messages", new { channel = "general", text = "/incident declare Secret scan sev2" }));
        foreach (var path in new[] { "/", "/api/console/users", "/api/console/channels", "/api/incidents", "/api/incidents/1", "/api/incidents/1/timeline", "/api/incidents/1/review.md", "/api/incidents/1/audit", "/api/admin/audit", "/api/admin/tokens", "/healthz", "/readyz" })
        {
            await Read(await session.GetAsync(path));
            var bearer = new HttpRequestMessage(HttpMethod.Get, path);
            bearer.Headers.Authorization = new("Bearer", token);
            await Read(await host.Http.SendAsync(bearer));
        }

        await host.DrainOutboxAsync();
        var secrets = new[] { FakeOidcProvider.ClientSecret, token, session.Cookies["__Host-ImtBot"] };
        Assert.NotEmpty(log.Lines);
        Assert.All(secrets, secret =>
        {
            Assert.DoesNotContain(log.Lines, l => l.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(bodies, b => b.Contains(secret, StringComparison.Ordinal));
        });
    }
}
