using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ImtBot.Teams.Testing;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Teams;

/// <summary>
/// The real host with Teams configured, every Teams HTTP client (OpenID metadata, login, Bot Connector, Graph) answered
/// by one recording <see cref="FakeHttp"/>, and builders for the activities Teams sends to <c>/api/messages</c>.
/// </summary>
public sealed class TeamsHarness : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string TenantId = "50612dbb-0237-4969-b378-8d42590f9c00";
    public const string ServiceUrl = "https://smba.fake.test/amer/" + TenantId + "/";
    public const string GraphBaseUrl = "https://graph.fake.test/v1.0/";
    public const string GroupId = "02bd9fd6-8f93-4758-87c3-1fb73740a315";
    public const string General = "19:general@thread.tacv2";
    public const string IncidentChannel = "19:inc1@thread.tacv2";
    public const string BobChat = "a:dm-bob";
    public const string BotToken = "bot-framework-app-token";
    public const string GraphToken = "graph-app-token";
    private const string Authority = "https://login.fake.test/" + TenantId;
    private int nextActivity = 100;
    private int channelsMade;
    private readonly System.Collections.Concurrent.ConcurrentQueue<JsonObject> channels = new();

    private TeamsHarness(TestHost host, FakeHttp http, BotFrameworkIssuer issuer)
    {
        Host = host;
        Http = http;
        Issuer = issuer;
    }

    public TestHost Host { get; }

    public FakeHttp Http { get; }

    public BotFrameworkIssuer Issuer { get; }

    public static string BotId => "28:" + AppId;

    /// <param name="more">Extra host settings as <c>Section:Key=value</c>.</param>
    public static async Task<TeamsHarness> StartAsync(params string[] more)
    {
        var http = new FakeHttp();
        var issuer = new BotFrameworkIssuer(http);
        var host = await TestHost.StartAsync(
            builder => builder.Services.UseTeamsFakes(http),
            settings:
            [
                "Teams:AppId=" + AppId,
                "Teams:AppPassword=app-password-value",
                "Teams:TenantId=" + TenantId,
                "Teams:OpenIdMetadataUrl=" + BotFrameworkIssuer.MetadataUrl,
                "Teams:Authority=" + Authority,
                "Teams:GraphBaseUrl=" + GraphBaseUrl,
                "Teams:ConnectorAllowedHosts:0=smba.fake.test",
                .. more,
            ]);
        // The fake judges Teams' rate windows on the bot's clock: on the real one, a test that moves the fake clock by
        // minutes between messages sends them within milliseconds of real time, and the fake would refuse them with 429.
        http.Rules.Time = host.Clock;
        var harness = new TeamsHarness(host, http, issuer);
        harness.Route();
        return harness;
    }

    /// <summary>The full URL of a Connector path with each id escaped as the adapter must escape it.</summary>
    public static string Connector(params string[] segments) =>
        ServiceUrl + string.Join('/', segments.Select((s, i) => i == 0 ? s : Uri.EscapeDataString(s)));

    public string ValidToken(string serviceUrl = ServiceUrl) => Issuer.Token(Host.Clock.GetUtcNow(), AppId, serviceUrl);

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token ?? ValidToken((string)activity["serviceUrl"]!));
        return await Host.Http.SendAsync(request);
    }

    /// <summary>Posts a channel message that @mentions the bot and waits for the bot's threaded reply; returns the reply's text.</summary>
    public async Task<string> SayAsync(TeamsUser from, string channel, string id, string text, params TeamsUser[] mentions)
    {
        var activity = Message(from, channel, id, text, mentions);
        var response = await PostAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conversation = (string)activity["conversation"]!["id"]!;
        var reply = await Http.WaitForAsync(r => r.Method == HttpMethod.Post && r.RawUrl == Connector("v3/conversations", conversation, "activities", id));
        return (string)reply.Json["text"]!;
    }

    /// <summary>The bot installed in the team (conversationUpdate, teamMemberAdded), from the documented sample.</summary>
    public static JsonObject BotAdded()
    {
        var activity = Payloads.Node("bot-added-to-team.json");
        activity["serviceUrl"] = ServiceUrl;
        activity["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "ImtBot" };
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId });
        activity["conversation"] = new JsonObject { ["isGroup"] = true, ["conversationType"] = "channel", ["id"] = General, ["tenantId"] = TenantId };
        activity["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = General, ["name"] = "Operations", ["aadGroupId"] = GroupId },
            ["eventType"] = "teamMemberAdded",
            ["tenant"] = new JsonObject { ["id"] = TenantId },
        };
        return activity;
    }

    /// <summary>A post in a channel thread (<c>{channel};messageid={id}</c>) as Teams sends it: the bot's mention first, then the text.</summary>
    public static JsonObject Message(TeamsUser from, string channel, string id, string text, params TeamsUser[] mentions)
    {
        var activity = Payloads.Node("channel-message-mention.json");
        activity.Remove("attachments");
        activity["id"] = id;
        activity["serviceUrl"] = ServiceUrl;
        activity["text"] = "<at>ImtBot</at> " + text;
        activity["from"] = Account(from);
        activity["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "ImtBot" };
        activity["conversation"] = new JsonObject { ["id"] = $"{channel};messageid={id}", ["isGroup"] = true, ["conversationType"] = "channel", ["tenantId"] = TenantId };
        activity["channelData"] = new JsonObject
        {
            ["teamsChannelId"] = channel,
            ["teamsTeamId"] = General,
            ["channel"] = new JsonObject { ["id"] = channel },
            ["team"] = new JsonObject { ["id"] = General },
            ["tenant"] = new JsonObject { ["id"] = TenantId },
        };
        var entities = new JsonArray(Mention(BotId, "ImtBot"));
        foreach (var user in mentions)
        {
            entities.Add(Mention(user.Id, user.Name)); // as in Teams: the 29: id only, no aadObjectId
        }

        entities.Add(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["platform"] = "Web" });
        activity["entities"] = entities;
        return activity;
    }

    /// <summary>
    /// An <c>adaptiveCard/action</c> invoke (Action.Execute) from a card in a 1:1 chat, as in the real sample; its data
    /// is <paramref name="data"/>, as the posted card's button carries it.
    /// </summary>
    public static JsonObject CardAction(TeamsUser from, string conversation, string id, string replyToId, JsonObject data)
    {
        var activity = Payloads.Node("invoke-action-execute.json");
        activity["id"] = id;
        activity["serviceUrl"] = ServiceUrl;
        activity["replyToId"] = replyToId;
        activity["from"] = Account(from);
        activity["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "ImtBot" };
        activity["conversation"] = new JsonObject { ["id"] = conversation, ["conversationType"] = "personal", ["tenantId"] = TenantId };
        activity["channelData"] = new JsonObject
        {
            ["tenant"] = new JsonObject { ["id"] = TenantId },
            ["source"] = new JsonObject { ["name"] = "message" },
        };
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "imtbot.command", ["data"] = data.DeepClone() },
            ["trigger"] = "manual",
        };
        return activity;
    }

    public IReadOnlyList<RecordedRequest> Requests(HttpMethod method, string url) =>
        Http.Requests.Where(r => r.Method == method && r.RawUrl == url).ToList();

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    private static JsonObject Account(TeamsUser user) => new() { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId };

    private static JsonObject Mention(string id, string name) => new()
    {
        ["type"] = "mention",
        ["text"] = $"<at>{name}</at>",
        ["mentioned"] = new JsonObject { ["id"] = id, ["name"] = name },
    };

    /// <summary>Behaves like Entra, Graph and the Bot Connector for the calls ImtBot makes.</summary>
    private void Route()
    {
        Http.On(HttpMethod.Get, "login.fake.test/" + TenantId + "/v2.0/.well-known/openid-configuration", HttpStatusCode.OK, $$"""
            {"token_endpoint":"{{Authority}}/oauth2/v2.0/token","issuer":"{{Authority}}/v2.0","authorization_endpoint":"{{Authority}}/oauth2/v2.0/authorize","jwks_uri":"{{Authority}}/discovery/v2.0/keys"}
            """);
        Http.On(HttpMethod.Post, Authority + "/oauth2/v2.0/token", r => FakeHttp.Json(HttpStatusCode.OK, $$"""
            {"token_type":"Bearer","expires_in":3599,"access_token":"{{(r.Body.Contains("graph.microsoft.com", StringComparison.Ordinal) ? GraphToken : BotToken)}}"}
            """));
        // Each new channel gets the next id: the first is IncidentChannel. A lookup by name finds the ones made.
        Http.On(HttpMethod.Post, GraphBaseUrl + "teams/" + GroupId + "/channels", r =>
        {
            var channel = new JsonObject
            {
                ["id"] = IncidentChannel.Replace("inc1", "inc" + Interlocked.Increment(ref channelsMade), StringComparison.Ordinal),
                ["displayName"] = r.Json["displayName"]?.GetValue<string>(),
                ["description"] = r.Json["description"]?.GetValue<string>(),
                ["membershipType"] = "standard",
            };
            channels.Enqueue(channel);
            return FakeHttp.Json(HttpStatusCode.Created, channel.ToJsonString());
        });
        Http.On(HttpMethod.Get, GraphBaseUrl + "teams/" + GroupId + "/channels?$filter=", r =>
        {
            var filter = Uri.UnescapeDataString(new Uri(r.Url).Query); // ?$filter=displayName eq 'name' (a quote doubled)
            var name = filter[(filter.IndexOf('\'', StringComparison.Ordinal) + 1)..^1].Replace("''", "'", StringComparison.Ordinal);
            var found = channels.Where(c => string.Equals((string?)c["displayName"], name, StringComparison.OrdinalIgnoreCase)).Select(c => c.DeepClone());
            return FakeHttp.Json(HttpStatusCode.OK, new JsonObject { ["value"] = new JsonArray([.. found]) }.ToJsonString());
        });

        // Send, reply and create conversation: every new activity gets the next id.
        Http.On(HttpMethod.Post, ServiceUrl + "v3/conversations", r =>
        {
            var id = Interlocked.Increment(ref nextActivity).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (r.RawUrl != ServiceUrl + "v3/conversations")
            {
                return FakeHttp.Json(HttpStatusCode.OK, $$"""{"id":"{{id}}"}""");
            }

            return r.Json["isGroup"]!.GetValue<bool>()
                ? FakeHttp.Json(HttpStatusCode.Created, $$"""{"id":"{{r.Json["channelData"]!["channel"]!["id"]}};messageid={{id}}","activityId":"{{id}}"}""")
                : FakeHttp.Json(HttpStatusCode.Created, $$"""{"id":"{{BobChat}}"}""");
        });
        Http.On(HttpMethod.Put, ServiceUrl + "v3/conversations/", r => FakeHttp.Json(HttpStatusCode.OK, $$"""{"id":"{{r.Json["id"]}}"}"""));
        // As the Connector does, a member is found by their Teams id or their Entra object id (on-call lists hold the latter).
        Http.On(HttpMethod.Get, ServiceUrl + "v3/conversations/", r => r.RawUrl.EndsWith("/members/" + Uri.EscapeDataString(TeamsUser.Bob.Id), StringComparison.Ordinal)
                || r.RawUrl.EndsWith("/members/" + Uri.EscapeDataString(TeamsUser.Bob.AadObjectId), StringComparison.Ordinal)
            ? FakeHttp.Json(HttpStatusCode.OK, $$"""{"id":"{{TeamsUser.Bob.Id}}","name":"Bob","aadObjectId":"{{TeamsUser.Bob.AadObjectId}}","userPrincipalName":"bob@contoso.test"}""")
            : FakeHttp.Json(HttpStatusCode.NotFound, """{"error":{"code":"MemberNotFoundInConversation","message":"not a member"}}"""));
    }
}
