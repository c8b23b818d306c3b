using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ImtBot.Cards;
using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace ImtBot.Teams.Tests.TestKit;

/// <summary>
/// The real <c>AddTeams</c>/<c>MapTeams</c> wiring on Kestrel at 127.0.0.1, with every outbound call going to
/// <see cref="FakeHttp"/>, the core ports as Moq doubles, and a fake clock.
/// </summary>
public sealed class TeamsTestHost : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string AppPassword = "s3cret-app-password-value";
    public const string TenantId = "50612dbb-0237-4969-b378-8d42590f9c00";
    public const string OtherTenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string InvokeTenant = "56653e9d-2158-46ee-90d7-675c39642038";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/50612dbb-0237-4969-b378-8d42590f9c00/";
    public const string LoginUrl = "https://login.test/" + TenantId;
    public const string BotToken = "bot-access-token";

    private WebApplication? app;

    public FakeHttp Http { get; } = new();
    public BotFrameworkIssuer Issuer { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    public Mock<ICommandHandler> Commands { get; } = new();
    public Mock<IIncidentReader> Reader { get; } = new();
    public Mock<IIncidentCards> Cards { get; } = new();
    public ConcurrentDictionary<string, string> Settings { get; } = new();
    public Mock<ICommandStore> Store { get; }
    public ConcurrentDictionary<string, int> Channels { get; } = new();
    public List<ChatCommand> Received { get; } = [];
    public LogCapture Logs { get; } = new();
    public HttpClient Client { get; private set; } = new();
    public Dictionary<string, string?> Config { get; } = new()
    {
        ["Teams:AppId"] = AppId,
        ["Teams:AppPassword"] = AppPassword,
        ["Teams:TenantId"] = TenantId,
        ["Teams:AllowedTenants:0"] = OtherTenant,
        ["Teams:AllowedTenants:1"] = InvokeTenant,
        ["Teams:OpenIdMetadataUrl"] = BotFrameworkIssuer.MetadataUrl,
        ["Teams:Authority"] = LoginUrl,
        ["Teams:GraphBaseUrl"] = "https://graph.test/v1.0/",
    };

    public TeamsTestHost()
    {
        Issuer = new BotFrameworkIssuer(Http);
        Store = StoreMock.Create(Settings, Channels);
        Commands.Setup(c => c.HandleAsync(It.IsAny<ChatCommand>(), It.IsAny<CancellationToken>()))
            .Callback((ChatCommand c, CancellationToken _) => { lock (Received) { Received.Add(c); } })
            .ReturnsAsync(new CommandReply(true, "INC-42 declared", 42));
        Cards.Setup(c => c.Incident(It.IsAny<string>(), It.IsAny<Incident>(), It.IsAny<string?>()))
            .Returns(() => JsonNode.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"INC-42 refreshed"}]}""")!);
        Http.On(HttpMethod.Post, "/oauth2/v2.0/token", HttpStatusCode.OK, $$"""{"token_type":"Bearer","expires_in":3599,"access_token":"{{BotToken}}"}""");
        Http.On(HttpMethod.Get, "openid-configuration", HttpStatusCode.OK, $$"""{"token_endpoint":"{{LoginUrl}}/oauth2/v2.0/token","issuer":"https://login.test/{{TenantId}}/v2.0","authorization_endpoint":"{{LoginUrl}}/oauth2/v2.0/authorize","jwks_uri":"{{LoginUrl}}/discovery/v2.0/keys"}""");
        Http.On(HttpMethod.Post, "/v3/conversations/", HttpStatusCode.OK, """{"id":"1:reply"}""");
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(Config);
        builder.Logging.ClearProviders().AddProvider(Logs).SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.AddSingleton(Commands.Object);
        builder.Services.AddSingleton(Reader.Object);
        builder.Services.AddSingleton(Cards.Object);
        builder.Services.AddSingleton(Store.Object);
        builder.Services.AddSingleton<ISettingsStore>(Store.Object);
        builder.Services.AddTeams(builder.Configuration);
        builder.Services.UseTeamsFakes(Http);
        app = builder.Build();
        app.MapTeams();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public IServiceProvider Services => app!.Services;

    public string ValidToken(string serviceUrl = ServiceUrl) => Issuer.Token(Time.GetUtcNow(), AppId, serviceUrl);

    public Task<HttpResponseMessage> PostAsync(string json, string? authorization) => PostRawAsync(Encoding.UTF8.GetBytes(json), authorization);

    public async Task<HttpResponseMessage> PostRawAsync(byte[] body, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
