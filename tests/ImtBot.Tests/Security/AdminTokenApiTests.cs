using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImtBot.Hosting;
using ImtBot.Security;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Security;

/// <summary>
/// Managing API tokens while the bot runs: <c>POST/GET/DELETE /api/admin/tokens</c> for admins (signed in, or an
/// admin-scope token), refused to others and to other sites, every change in the audit stream; and <c>imtbot tokens</c>
/// saying what to do when the bot holds the database, or doing it through the running bot with <c>--url</c>.
/// </summary>
public class AdminTokenApiTests
{
    [Fact]
    public async Task AdminApi_CreatesListsRevokes_RefusesOthersAndForgery_AllAudited()
    {
        var (host, provider) = await SignInHost.StartAsync();
        await using var _ = host;
        using var ada = await BrowserSession.SignInAsync(host.BaseAddress, provider, "ada@contoso.com", "Ada Admin", Roles.Admin);
        using var rob = await BrowserSession.SignInAsync(host.BaseAddress, provider, "rob@contoso.com", "Rob Reed", Roles.Responder);

        var created = await ada.PostAsJsonAsync("/api/admin/tokens", new { name = "ci", scope = "read" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        var ci = (string)body["token"]!;
        Assert.StartsWith(ApiTokenStore.Prefix, ci, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Bearer(host.Http, HttpMethod.Get, "/api/incidents", ci)).StatusCode);

        // Refused: a name in use, a scope that does not exist, someone not an admin, a read token, another site's page.
        var duplicate = await ada.PostAsJsonAsync("/api/admin/tokens", new { name = "ci", scope = "admin" });
        var badScope = await ada.PostAsJsonAsync("/api/admin/tokens", new { name = "ops", scope = "root" });
        var responder = await rob.PostAsJsonAsync("/api/admin/tokens", new { name = "mine", scope = "admin" });
        var byReadToken = await Bearer(host.Http, HttpMethod.Post, "/api/admin/tokens", ci, new { name = "escalate", scope = "admin" });
        var forged = new HttpRequestMessage(HttpMethod.Post, "/api/admin/tokens") { Content = JsonContent.Create(new { name = "forged", scope = "admin" }) };
        forged.Headers.Add("Origin", "https://evil.example");
        forged.Headers.Add("Sec-Fetch-Site", "cross-site");
        var forgedResponse = await ada.SendAsync(forged);
        var forgedDelete = new HttpRequestMessage(HttpMethod.Delete, "/api/admin/tokens/ci");
        forgedDelete.Headers.Add("Sec-Fetch-Site", "cross-site");
        var forgedDeleteResponse = await ada.SendAsync(forgedDelete);
        var form = await ada.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/admin/tokens") { Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["name"] = "form", ["scope"] = "admin" }) });

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badScope.StatusCode);
        Assert.Contains("scope must be one of read, write, admin", await badScope.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, responder.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byReadToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forgedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forgedDeleteResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, form.StatusCode);
        var names = (await (await ada.GetAsync("/api/admin/tokens")).Content.ReadFromJsonAsync<JsonArray>())!.Select(t => (string)t!["name"]!).ToArray();
        Assert.Equal(["ci"], names);
        Assert.DoesNotContain(ci, (await (await ada.GetAsync("/api/admin/tokens")).Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // An admin-scope token (automation) manages tokens too; it carries no cookie, so nothing to forge.
        var admin = (string)(await (await ada.PostAsJsonAsync("/api/admin/tokens", new { name = "ops-admin", scope = "admin" })).Content.ReadFromJsonAsync<JsonObject>())!["token"]!;
        Assert.Equal(HttpStatusCode.Created, (await Bearer(host.Http, HttpMethod.Post, "/api/admin/tokens", admin, new { name = "deploy", scope = "write" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await ada.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/admin/tokens/ci"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ada.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/admin/tokens/ci"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(host.Http, HttpMethod.Get, "/api/incidents", ci)).StatusCode);

        var audit = (await (await ada.GetAsync("/api/admin/audit")).Content.ReadFromJsonAsync<JsonObject>())!;
        var events = audit["events"]!.AsArray();
        Assert.True((bool)audit["valid"]!);
        Assert.Equal(["api_token_created", "api_token_created", "api_token_created", "api_token_revoked"], events.Select(e => (string)e!["type"]!));
        Assert.Equal("ada-contoso.com", (string)events[0]!["actor"]!["id"]!);
        Assert.Equal("token", (string)events[2]!["actor"]!["platform"]!);
        Assert.Equal("deploy", (string)events[2]!["data"]!["name"]!);
        Assert.Equal("ada-contoso.com", (string)events[3]!["actor"]!["id"]!);
        Assert.DoesNotContain(ci, audit.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(admin, audit.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_WhileTheBotRuns_SaysWhatToDo_ThenWorksThroughItWithUrl()
    {
        await using var host = await TestHost.StartAsync();
        var storage = $"--Storage:Path={host.DatabasePath}";

        var (locked, _, lockedErrors) = await RunAsync("tokens", "create", "--name", "ci", "--scope", "read", storage);
        Assert.Equal(CliVerbs.Error, locked);
        Assert.Contains("--url", lockedErrors, StringComparison.Ordinal);
        Assert.Contains("/api/admin/tokens", lockedErrors, StringComparison.Ordinal);

        var url = host.BaseAddress.ToString();
        var (code, output, errors) = await RunAsync("tokens", "create", "--name", "ci", "--scope", "read", "--url", url);
        Assert.True(code == 0, errors);
        var token = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Single(l => l.StartsWith(ApiTokenStore.Prefix, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await Bearer(host.Http, HttpMethod.Get, "/api/incidents", token)).StatusCode);

        var (_, list, _) = await RunAsync("tokens", "list", "--url", url);
        Assert.Matches(@"tok_\w+\s+ci\s+read\s", list);
        var (duplicate, _, duplicateErrors) = await RunAsync("tokens", "create", "--name", "ci", "--scope", "read", "--url", url);
        Assert.Equal(CliVerbs.Error, duplicate);
        Assert.Contains("exists", duplicateErrors, StringComparison.Ordinal);

        var (revoked, _, revokeErrors) = await RunAsync("tokens", "revoke", "ci", "--url", url);
        Assert.True(revoked == 0, revokeErrors);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer(host.Http, HttpMethod.Get, "/api/incidents", token)).StatusCode);
        var audit = await host.GetJsonAsync("/api/admin/audit");
        Assert.Equal(["api_token_created", "api_token_revoked"], audit["events"]!.AsArray().Select(e => (string)e!["type"]!));
        Assert.Equal("local", (string)audit["events"]![0]!["actor"]!["platform"]!);
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await CliVerbs.TryRunAsync(args, stdout, stderr);
        return (code!.Value, stdout.ToString(), stderr.ToString());
    }

    private static Task<HttpResponseMessage> Bearer(HttpClient http, HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }
}
