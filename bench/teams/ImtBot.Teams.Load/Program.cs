// Load test for POST /api/messages with full Bot Framework JWT validation (RS256 signature, issuer, audience,
// lifetime, endorsements, serviceurl) on Kestrel at 127.0.0.1. The core is a stub that answers at once; the reply
// goes to an in-process fake Connector. Usage: dotnet run -c Release -- [concurrency=64] [seconds=15] [tokens=256]
// tokens: distinct pre-signed tokens, used round-robin. Teams reuses one token for an hour (1 = every request after
// the first hits the verified-token cache); 4096 (> the 1024-entry cache) makes every request verify the RS256 signature.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ImtBot.Cards;
using ImtBot.Core.Commands;
using ImtBot.Core.Ports;
using ImtBot.Teams;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Moq;

var concurrency = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 64;
var seconds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15;
var distinctTokens = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 256;
const string appId = "11111111-2222-3333-4444-555555555555";
const string tenant = "50612dbb-0237-4969-b378-8d42590f9c00";
const string serviceUrl = "https://smba.trafficmanager.net/amer/" + tenant + "/";

var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "bench-key" };
var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(key);
var jwks = $$"""{"keys":[{"kty":"RSA","use":"sig","kid":"bench-key","n":"{{jwk.N}}","e":"{{jwk.E}}","endorsements":["msteams"]}]}""";

var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning);
builder.Configuration["Teams:AppId"] = appId;
builder.Configuration["Teams:AppPassword"] = "bench-secret";
builder.Configuration["Teams:TenantId"] = tenant;
builder.Configuration["Teams:OpenIdMetadataUrl"] = "https://login.bench/openid";
builder.Configuration["Teams:Authority"] = "https://login.bench/" + tenant;
builder.Configuration["Teams:ConversationMessagesPerSecond"] = "50";
builder.Configuration["Teams:TenantRequestsPerSecond"] = "1000";
builder.Services.AddSingleton<ICommandHandler>(new InstantCommands());
builder.Services.AddSingleton(Mock.Of<IIncidentReader>());
builder.Services.AddSingleton(Mock.Of<IIncidentCards>());
builder.Services.AddSingleton<ISettingsStore>(new MemorySettings());
builder.Services.AddTeams(builder.Configuration);
foreach (var name in new[] { "teams-openid", "teams-login", "teams-connector", "teams-graph" })
{
    builder.Services.AddHttpClient(name).ConfigurePrimaryHttpMessageHandler(() => new FakeServices(jwks));
}

var app = builder.Build();
app.MapTeams();
await app.StartAsync();
var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

// Tokens are pre-signed (as the Bot Connector would send them); each request is validated in full.
var handler = new JsonWebTokenHandler();
var now = DateTime.UtcNow;
var tokens = Enumerable.Range(0, distinctTokens).Select(i => handler.CreateToken(new SecurityTokenDescriptor
{
    Issuer = "https://api.botframework.com",
    Audience = appId,
    Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl, ["n"] = i },
    NotBefore = now.AddMinutes(-1),
    Expires = now.AddHours(1),
    SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
})).ToArray();
var body = new JsonObject
{
    ["type"] = "message",
    ["channelId"] = "msteams",
    ["serviceUrl"] = serviceUrl,
    ["text"] = "<at>ImtBot</at> status",
    ["from"] = new JsonObject { ["id"] = "29:user", ["name"] = "User", ["aadObjectId"] = "aad-user" },
    ["recipient"] = new JsonObject { ["id"] = "28:" + appId, ["name"] = "ImtBot" },
    ["conversation"] = new JsonObject { ["id"] = "a:bench", ["conversationType"] = "personal", ["tenantId"] = tenant },
    ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } },
    ["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>ImtBot</at>", ["mentioned"] = new JsonObject { ["id"] = "28:" + appId, ["name"] = "ImtBot" } }),
};

using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency }) { BaseAddress = new Uri(address) };
async Task<(int Count, int Errors, List<double> Latencies)> Worker(int id, DateTime until)
{
    var latencies = new List<double>(100_000);
    var errors = 0;
    var n = 0;
    while (DateTime.UtcNow < until)
    {
        body["id"] = $"{id}-{n}";
        body["conversation"]!["id"] = $"a:bench-{id}"; // one 1:1 chat per worker, as many users would have
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + tokens[(n * concurrency + id) % tokens.Length]);
        var start = Stopwatch.GetTimestamp();
        using var response = await client.SendAsync(request);
        latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            errors++;
        }

        n++;
    }

    return (n, errors, latencies);
}

await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => Worker(i, DateTime.UtcNow.AddSeconds(2)))); // warm-up
var clock = Stopwatch.StartNew();
var results = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => Worker(i, DateTime.UtcNow.AddSeconds(seconds))));
clock.Stop();
var all = results.SelectMany(r => r.Latencies).Order().ToArray();
double P(double q) => all[Math.Min(all.Length - 1, (int)(q * all.Length))];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"teams /api/messages: {all.Length} requests in {clock.Elapsed.TotalSeconds:F1}s at {concurrency} concurrent = {all.Length / clock.Elapsed.TotalSeconds:F0} req/s; errors {results.Sum(r => r.Errors)}; p50 {P(0.50):F1} ms, p99 {P(0.99):F1} ms, max {all[^1]:F1} ms"));
await app.StopAsync();

// A bench whose requests fail measures nothing: say so and fail the run.
var failed = results.Sum(r => r.Errors);
if (failed > 0 || all.Length == 0)
{
    Console.Error.WriteLine($"FAILED: {failed} of {all.Length} requests did not answer 200; the numbers above are not a measurement.");
    return 1;
}

return 0;

/// <summary>The core as a stub that answers at once (the bench measures the adapter, not the store).</summary>
internal sealed class InstantCommands : ICommandHandler
{
    private static readonly Task<CommandReply> Reply = Task.FromResult(new CommandReply(true, "ok"));

    public Task<CommandReply> HandleAsync(ChatCommand command, CancellationToken cancellationToken = default) => Reply;

    public Task<CommandReply> HandleParsedAsync(Command command, ChatCommand origin, CancellationToken cancellationToken = default) => Reply;
}

/// <summary>
/// The settings store the Teams adapter uses, in memory. A plain implementation of <see cref="ISettingsStore"/>: if the
/// port changes, the bench stops compiling instead of failing every request at run time.
/// </summary>
internal sealed class MemorySettings : ISettingsStore
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> settings = new();

    public string? GetSetting(string key) => settings.TryGetValue(key, out var v) ? v : null;

    public Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        settings[key] = value;
        return Task.CompletedTask;
    }
}

/// <summary>OpenID metadata, JWKS, token endpoint and Connector, answered in process.</summary>
internal sealed class FakeServices(string jwks) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.AbsoluteUri;
        var json = url switch
        {
            _ when url.EndsWith("/openid", StringComparison.Ordinal) => """{"issuer":"https://api.botframework.com","jwks_uri":"https://login.bench/keys"}""",
            _ when url.EndsWith("/keys", StringComparison.Ordinal) => jwks,
            _ when url.Contains("openid-configuration", StringComparison.Ordinal) => """{"token_endpoint":"https://login.bench/t/oauth2/v2.0/token","issuer":"https://login.bench/t/v2.0","authorization_endpoint":"https://login.bench/t/oauth2/v2.0/authorize"}""",
            _ when url.Contains("/token", StringComparison.Ordinal) => """{"token_type":"Bearer","expires_in":3599,"access_token":"bench"}""",
            _ => """{"id":"1"}""",
        };
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json"), RequestMessage = request });
    }
}
