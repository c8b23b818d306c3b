using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImtBot.Cards;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Teams.Activities;
using ImtBot.Teams.Connector;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace ImtBot.Teams.Tests.TestKit;

/// <summary>The real <c>AddTeams</c> services (no web server) with the Connector, Graph and login as <see cref="FakeHttp"/>.</summary>
public sealed class PlatformFixture : IDisposable
{
    public const string GroupId = "02bd9fd6-8f93-4758-87c3-1fb73740a315";
    public const string GeneralId = "19:general@thread.tacv2";
    public const string NewChannel = "19:new@thread.tacv2";
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/tenant/";

    private readonly ServiceProvider services;

    public PlatformFixture(TeamReference? team = null, bool withTeam = true, Action<Dictionary<string, string?>>? configure = null, TeamsPacing? pacing = null)
    {
        Pacing = pacing;
        var config = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = TeamsTestHost.AppId,
            ["Teams:AppPassword"] = TeamsTestHost.AppPassword,
            ["Teams:TenantId"] = TeamsTestHost.TenantId,
            ["Teams:OpenIdMetadataUrl"] = BotFrameworkIssuer.MetadataUrl,
            ["Teams:Authority"] = TeamsTestHost.LoginUrl,
            ["Teams:GraphBaseUrl"] = "https://graph.test/v1.0/",
        };
        configure?.Invoke(config);
        Http.Rules.Time = Time;
        if (withTeam)
        {
            team ??= new TeamReference(ServiceUrl, GeneralId, "Operations", GroupId, TeamsTestHost.TenantId, "28:" + TeamsTestHost.AppId);
            Settings["teams:team"] = JsonSerializer.Serialize(team, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }

        Cards.Setup(c => c.Incident(It.IsAny<string>(), It.IsAny<Incident>(), It.IsAny<string?>())).Returns(() => Card("incident card"));
        Cards.Setup(c => c.Page(It.IsAny<string>(), It.IsAny<Incident>(), It.IsAny<Page>(), It.IsAny<string?>())).Returns(() => Card("page card"));
        Cards.Setup(c => c.StatusUpdate(It.IsAny<string>(), It.IsAny<Incident>(), It.IsAny<StatusUpdate>())).Returns(() => Card("update card"));
        Cards.Setup(c => c.Review(It.IsAny<string>(), It.IsAny<Incident>())).Returns(() => Card("review card"));

        Http.On(HttpMethod.Post, "/oauth2/v2.0/token", HttpStatusCode.OK, """{"token_type":"Bearer","expires_in":3599,"access_token":"app-token"}""");
        Http.On(HttpMethod.Get, "openid-configuration", HttpStatusCode.OK, $$"""{"token_endpoint":"{{TeamsTestHost.LoginUrl}}/oauth2/v2.0/token","issuer":"https://login.test/{{TeamsTestHost.TenantId}}/v2.0","authorization_endpoint":"{{TeamsTestHost.LoginUrl}}/oauth2/v2.0/authorize"}""");
        Http.On(HttpMethod.Post, "https://graph.test/v1.0/teams/", r => FakeHttp.Json(HttpStatusCode.Created,
            new JsonObject { ["id"] = NewChannel, ["displayName"] = r.Json["displayName"]?.GetValue<string>(), ["description"] = r.Json["description"]?.GetValue<string>() }.ToJsonString()));
        Http.On(HttpMethod.Post, "/v3/conversations", HttpStatusCode.OK, """{"id":"222"}""");
        Http.On(HttpMethod.Post, "/v3/conversations", r => r.Url.EndsWith("/v3/conversations", StringComparison.Ordinal)
            ? FakeHttp.Json(HttpStatusCode.OK, r.Json["isGroup"]!.GetValue<bool>()
                ? $$"""{"id":"{{r.Json["channelData"]!["channel"]!["id"]}};messageid=111","activityId":"111"}"""
                : """{"id":"a:dm-bob"}""")
            : FakeHttp.Json(HttpStatusCode.OK, """{"id":"222"}"""));
        Http.On(HttpMethod.Put, "/v3/conversations/", HttpStatusCode.OK, """{"id":"111"}""");

        // What Apply(IncidentDeclared) sets from the event's actor (set here too while Apply is still a stub).
        typeof(Incident).GetProperty(nameof(Incident.DeclaredBy))!.SetValue(Incident, Declarer);

        var collection = new ServiceCollection();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(config).Build();
        collection.AddSingleton<IConfiguration>(configuration);
        collection.AddLogging(b => b.AddProvider(Logs).SetMinimumLevel(LogLevel.Debug));
        collection.AddSingleton<TimeProvider>(Time);
        collection.AddSingleton(Cards.Object);
        collection.AddSingleton<ISettingsStore>(StoreMock.Create(Settings).Object);
        collection.AddSingleton(Mock.Of<ICommandHandler>());
        collection.AddSingleton(Mock.Of<IIncidentReader>());
        collection.AddSingleton(Pacing ?? new TeamsPacing(TimeSpan.MaxValue)); // steps run here wait their turn in place
        collection.AddTeams(configuration);
        collection.UseTeamsFakes(Http);
        services = collection.BuildServiceProvider();
        Platform = services.GetServices<IChatPlatform>().Single(p => p.Name == "teams");
    }

    public FakeHttp Http { get; } = new();
    public TeamsPacing? Pacing { get; }
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    public Mock<IIncidentCards> Cards { get; } = new();
    public ConcurrentDictionary<string, string> Settings { get; } = new();
    public LogCapture Logs { get; } = new();
    public IChatPlatform Platform { get; }
    public Incident Incident { get; } = Incident.Replay([Declared(42, "Checkout failing: EU")]);
    public static UserRef Declarer { get; } = new(PlatformNames.Teams, "aad-alice", "Alice");

    public static JsonObject Card(string text) =>
        new() { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = text }) };

    public static IncidentEvent Declared(int number, string title) => new(
        number,
        1,
        new DateTimeOffset(2026, 3, 2, 8, 59, 0, TimeSpan.Zero),
        Declarer,
        new IncidentDeclared(title, 2, IncidentKind.Normal, new ChannelRef(PlatformNames.Teams, "19:origin@thread.tacv2"), new SeverityPolicy(), ["commander"], ["commander"], [], null),
        EventChain.GenesisHash,
        "h1");

    public EffectContext Context(Effect effect, Dictionary<string, string>? links = null, int attempt = 1) =>
        new($"42:{effect.Kind}:1", Incident, effect, links ?? [], attempt);

    public static Dictionary<string, string> ChannelLinks(string mode = "channel", string channel = NewChannel) =>
        new() { ["teams:channel"] = channel, ["teams:channelMode"] = mode };

    public Task<EffectOutcome> RunAsync(Effect effect, Dictionary<string, string>? links = null, int attempt = 1) =>
        Platform.ExecuteAsync(Context(effect, links, attempt), CancellationToken.None);

    /// <summary>Moves the fake clock on in small steps until <paramref name="work"/> is done (for work that waits on rate limits).</summary>
    public async Task PumpAsync(Task work, TimeSpan? step = null)
    {
        for (var i = 0; i < 1_000_000 && !work.IsCompleted; i++)
        {
            Time.Advance(step ?? TimeSpan.FromMilliseconds(50));
            await Task.WhenAny(work, Task.Delay(1));
        }

        await work;
    }

    public T Service<T>() where T : notnull => services.GetRequiredService<T>();

    public void Dispose() => services.Dispose();
}
