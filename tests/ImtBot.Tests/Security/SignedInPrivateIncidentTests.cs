using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImtBot.Security;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Security;

/// <summary>
/// A private incident with OpenID Connect sign-in and API tokens: pat (responder) declared it and takes part; vic
/// (viewer) and rob (responder) do not; ada is an admin. Every incident page is allowed or refused by who asks; the
/// console, the training records and the listings show the incident only to those who may see it.
/// </summary>
public class SignedInPrivateIncidentTests : IAsyncLifetime
{
    private const string Secret = "Payroll";

    private TestHost _host = null!;
    private readonly Dictionary<string, BrowserSession> _people = [];
    private readonly Dictionary<string, string> _tokens = [];

    /// <summary>Who asks → expected status of each page of the private incident INC-1.</summary>
    private static readonly (string Who, int Timeline, int Review, int Aar, int Audit, int Evidence, int Alerts)[] Table =
    [
        // aar.md is 404 to whoever may see the incident (it ran no drill), 403 to whoever may not; evidence is admin-only.
        ("anonymous", 401, 401, 401, 401, 401, 401),
        ("viewer, not taking part", 403, 403, 403, 403, 403, 403),
        ("responder, not taking part", 403, 403, 403, 403, 403, 403),
        ("responder, taking part", 200, 200, 404, 200, 403, 200),
        ("admin", 200, 200, 404, 200, 200, 200),
        ("read token", 403, 403, 403, 403, 403, 403),
        ("write token", 403, 403, 403, 403, 403, 403),
        ("admin token", 200, 200, 404, 200, 200, 200),
        ("revoked admin token", 401, 401, 401, 401, 401, 401),
    ];

    public async Task InitializeAsync()
    {
        FakeOidcProvider provider;
        (_host, provider) = await SignInHost.StartAsync();
        _people["responder, taking part"] = await BrowserSession.SignInAsync(_host.BaseAddress, provider, "pat@contoso.com", "Pat Park", Roles.Responder);
        _people["viewer, not taking part"] = await BrowserSession.SignInAsync(_host.BaseAddress, provider, "vic@contoso.com", "Vic Viewer", Roles.Viewer);
        _people["responder, not taking part"] = await BrowserSession.SignInAsync(_host.BaseAddress, provider, "rob@contoso.com", "Rob Reed", Roles.Responder);
        _people["admin"] = await BrowserSession.SignInAsync(_host.BaseAddress, provider, "ada@contoso.com", "Ada Admin", Roles.Admin);
        _people["anonymous"] = new BrowserSession(_host.BaseAddress);

        var pat = _people["responder, taking part"];
        (await pat.PostAsJsonAsync("/api/console/messages", new { channel = "general", text = "/incident declare Payroll export leaked sev2 private" })).EnsureSuccessStatusCode();
        (await pat.PostAsJsonAsync("/api/console/messages", new { channel = "general", text = "/incident declare Search is down sev3" })).EnsureSuccessStatusCode();
        (await pat.PostAsJsonAsync("/api/console/messages", new { channel = "general", text = "/incident role INC-1 ops me" })).EnsureSuccessStatusCode();
        (await pat.PostAsJsonAsync("/api/console/messages", new { channel = "general", text = "/incident role INC-2 ops me" })).EnsureSuccessStatusCode();
        await _host.DrainOutboxAsync();

        foreach (var (name, scope) in new[] { ("read token", "read"), ("write token", "write"), ("admin token", "admin"), ("revoked admin token", "admin") })
        {
            var created = await _people["admin"].PostAsJsonAsync("/api/admin/tokens", new { name = scope + "-" + _tokens.Count, scope });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            _tokens[name] = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        }

        var revoke = new HttpRequestMessage(HttpMethod.Delete, "/api/admin/tokens/admin-3");
        Assert.Equal(HttpStatusCode.OK, (await _people["admin"].SendAsync(revoke)).StatusCode);
    }

    public async Task DisposeAsync()
    {
        foreach (var session in _people.Values)
        {
            session.Dispose();
        }

        await _host.DisposeAsync();
    }

    [Fact]
    public async Task EveryIncidentPage_AllowedOrRefused_ByWhoAsks()
    {
        var wrong = new List<string>();
        foreach (var row in Table)
        {
            foreach (var (page, expected) in new[]
            {
                ("timeline", row.Timeline), ("review.md", row.Review), ("aar.md", row.Aar), ("audit", row.Audit), ("evidence.zip", row.Evidence), ("alerts", row.Alerts),
            })
            {
                var response = await GetAsync(row.Who, $"/api/incidents/1/{page}");
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode != expected)
                {
                    wrong.Add($"{row.Who} GET {page}: {(int)response.StatusCode}, expected {expected}");
                }

                if (expected != 200 && body.Contains(Secret, StringComparison.Ordinal))
                {
                    wrong.Add($"{row.Who} GET {page}: refused, yet the body names the incident");
                }
            }

            // The public incident stays readable to everyone signed in or holding a live token.
            var open = await GetAsync(row.Who, "/api/incidents/2/timeline");
            var expectedOpen = row.Timeline == 401 ? 401 : 200;
            if ((int)open.StatusCode != expectedOpen)
            {
                wrong.Add($"{row.Who} GET public timeline: {(int)open.StatusCode}, expected {expectedOpen}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join('\n', wrong));
    }

    [Theory]
    [InlineData("viewer, not taking part", false)]
    [InlineData("responder, not taking part", false)]
    [InlineData("responder, taking part", true)]
    [InlineData("admin", true)]
    [InlineData("read token", false)]
    [InlineData("admin token", true)]
    public async Task ListingsAndTraining_ShowThePrivateIncident_OnlyToThoseWhoMaySee(string who, bool sees)
    {
        var list = await (await GetAsync(who, "/api/incidents")).Content.ReadAsStringAsync();
        var one = await GetAsync(who, "/api/incidents/1");
        var training = await (await GetAsync(who, "/api/training")).Content.ReadFromJsonAsync<JsonObject>();
        var drills = await GetAsync(who, "/api/drills");

        Assert.Equal(sees, list.Contains(Secret, StringComparison.Ordinal));
        Assert.Contains("Search is down", list, StringComparison.Ordinal);
        Assert.Equal(sees ? HttpStatusCode.OK : HttpStatusCode.Forbidden, one.StatusCode);
        var roles = training!["entries"]!.AsArray().Where(e => (string?)e!["incident"] == "INC-1").ToArray();
        Assert.Equal(sees, roles.Length > 0);
        Assert.Contains(training["entries"]!.AsArray(), e => (string?)e!["incident"] == "INC-2");
        Assert.Equal(HttpStatusCode.OK, drills.StatusCode);
    }

    [Fact]
    public async Task Console_TwoPeople_OnlyTheParticipantAndTheAdminGetTheChannel_Locked()
    {
        var pat = await ChannelsAsync("responder, taking part");
        var vic = await ChannelsAsync("viewer, not taking part");
        var ada = await ChannelsAsync("admin");
        var channel = (string)pat.Single(c => (int?)c!["incident"] == 1)!["id"]!;

        Assert.True((bool)pat.Single(c => (int?)c!["incident"] == 1)!["private"]!);
        Assert.True((bool)ada.Single(c => (int?)c!["incident"] == 1)!["private"]!);
        Assert.DoesNotContain(vic, c => (int?)c!["incident"] == 1);
        Assert.Contains(vic, c => (int?)c!["incident"] == 2);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("viewer, not taking part", $"/api/console/channels/{channel}/messages")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _people["responder, not taking part"].PostAsJsonAsync("/api/console/messages", new { channel, text = "hello?" })).StatusCode);
        Assert.Contains(Secret, await (await GetAsync("admin", $"/api/console/channels/{channel}/messages")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<JsonArray> ChannelsAsync(string who) => (await (await GetAsync(who, "/api/console/channels")).Content.ReadFromJsonAsync<JsonArray>())!;

    private Task<HttpResponseMessage> GetAsync(string who, string path)
    {
        if (_tokens.TryGetValue(who, out var token))
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return _host.Http.SendAsync(request);
        }

        return _people[who].GetAsync(path);
    }
}
