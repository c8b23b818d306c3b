using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImtBot.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Tests.Security;

/// <summary>Sign-in through an OpenID Connect provider: who may reach what, and the console acting as the signed-in person.</summary>
public class SignInTests
{
    public static TheoryData<string, string, string, int> Table => new()
    {
        // method, path, role ("" = signed in with no mapped role, "anonymous" = not signed in), expected status
        { "GET", "/api/incidents", "anonymous", 401 },
        { "GET", "/api/incidents", "", 403 },
        { "GET", "/api/incidents", Roles.Viewer, 200 },
        { "GET", "/api/incidents", Roles.Responder, 200 },
        { "GET", "/api/incidents", Roles.Admin, 200 },
        { "GET", "/api/console/users", "anonymous", 401 },
        { "GET", "/api/console/users", "", 403 },
        { "GET", "/api/console/users", Roles.Viewer, 200 },
        { "GET", "/api/console/channels", Roles.Viewer, 200 },
        { "POST", "/api/console/messages", "anonymous", 401 },
        { "POST", "/api/console/messages", "", 403 },
        { "POST", "/api/console/messages", Roles.Viewer, 403 },
        { "POST", "/api/console/messages", Roles.Responder, 200 },
        { "POST", "/api/console/messages", Roles.Admin, 200 },
        { "GET", "/", "anonymous", 302 },
        { "GET", "/", "", 403 },
        { "GET", "/", Roles.Viewer, 200 },
        { "GET", "/app.js", Roles.Viewer, 200 },
        { "GET", "/api/admin/audit", "anonymous", 401 },
        { "GET", "/api/admin/audit", Roles.Viewer, 403 },
        { "GET", "/api/admin/audit", Roles.Responder, 403 },
        { "GET", "/api/admin/audit", Roles.Admin, 200 },
        { "GET", "/api/admin/tokens", Roles.Responder, 403 },
        { "GET", "/api/admin/tokens", Roles.Admin, 200 },
        { "GET", "/healthz", "anonymous", 200 },
        { "GET", "/readyz", "anonymous", 200 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Endpoint_ByRole_AllowedOrRefused(string method, string path, string role, int expected)
    {
        var (host, provider) = await SignInHost.StartAsync();
        await using var _ = host;
        using var session = role == "anonymous"
            ? new BrowserSession(host.BaseAddress)
            : await BrowserSession.SignInAsync(host.BaseAddress, provider, "pat@contoso.com", "Pat Park", role.Length == 0 ? [] : [role]);

        var response = method == "GET"
            ? await session.GetAsync(path)
            : await session.PostAsJsonAsync(path, new { user = "alice", channel = "general", text = "hello" });

        Assert.Equal(expected, (int)response.StatusCode);
    }

    [Fact]
    public async Task Console_SignedIn_ActsAsThePersonWhateverUserTheRequestNames()
    {
        var (host, provider) = await SignInHost.StartAsync();
        await using var _ = host;
        using var session = await BrowserSession.SignInAsync(host.BaseAddress, provider, "pat@contoso.com", "Pat Park", Roles.Responder);

        var users = await (await session.GetAsync("/api/console/users")).Content.ReadFromJsonAsync<JsonArray>();
        var reply = await session.PostAsJsonAsync("/api/console/messages", new { user = "alice", channel = "general", text = "/incident declare Signed-in declaration sev2" });
        reply.EnsureSuccessStatusCode();
        var incident = await (await session.GetAsync("/api/incidents/1")).Content.ReadFromJsonAsync<JsonObject>();
        var timeline = await (await session.GetAsync("/api/incidents/1/timeline")).Content.ReadFromJsonAsync<JsonArray>();

        Assert.Equal("pat-contoso.com", (string)Assert.Single(users!)!["id"]!);
        Assert.Contains("Pat Park", incident!.ToJsonString());
        Assert.Equal("pat-contoso.com", (string)timeline![0]!["actor"]!["id"]!);
        Assert.DoesNotContain("alice", timeline[0]!["actor"]!.ToJsonString());
    }

    [Fact]
    public async Task SignIn_GroupClaimMapped_RoleFromConfiguredValues()
    {
        const string OpsGroup = "8c1e0a2b-ops-group";
        var (host, provider) = await SignInHost.StartAsync(settings: ["Auth:Oidc:RoleClaim=roles", "Auth:Roles:Responder:0=" + OpsGroup]);
        await using var _ = host;
        using var member = await BrowserSession.SignInAsync(host.BaseAddress, provider, "ops@contoso.com", "Ops Person", OpsGroup);
        using var literal = await BrowserSession.SignInAsync(host.BaseAddress, provider, "lit@contoso.com", "Literal Role", Roles.Responder);

        Assert.Equal(HttpStatusCode.OK, (await member.PostAsJsonAsync("/api/console/messages", new { channel = "general", text = "hi" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await literal.PostAsJsonAsync("/api/console/messages", new { channel = "general", text = "hi" })).StatusCode);
    }

    [Fact]
    public async Task SignIn_BeyondLoopback_WebSurfaceOnWithSignIn()
    {
        var (host, provider) = await SignInHost.StartAsync(settings: ["urls=http://0.0.0.0:0"]);
        await using var _ = host;
        var address = new Uri($"http://127.0.0.1:{host.BaseAddress.Port}");
        using var anonymous = new BrowserSession(address);
        using var viewer = await BrowserSession.SignInAsync(address, provider, "v@contoso.com", "Vic Viewer", Roles.Viewer);

        Assert.Equal(WebSurfaceMode.SignIn, host.Services.GetRequiredService<WebSurface>().Mode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/incidents")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/incidents")).StatusCode);
    }

    [Theory]
    [InlineData("Auth:Oidc:Authority=http://login.example.com/", "https://")]
    [InlineData("Auth:Oidc:Authority=https://login.example.com/", "Auth:Oidc:ClientId is required")]
    public async Task Start_BadAuthSettings_RefusedWithWhatWouldWork(string setting, string expected)
    {
        var errors = new StringWriter();
        var exit = await ImtBot.Hosting.ImtBotApp.RunAsync(["--urls=http://127.0.0.1:0", "--environment=Test", $"--Storage:Path={Path.Combine(Path.GetTempPath(), "imtbot-tests", Guid.NewGuid().ToString("N"), "imtbot.db")}", "--" + setting], errors);

        Assert.Equal(1, exit);
        Assert.Contains(expected, errors.ToString());
    }
}
