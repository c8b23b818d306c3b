using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImtBot.Hosting;

namespace ImtBot.Tests.Security;

/// <summary>
/// API tokens through their real entry points: <c>imtbot tokens</c> creates, lists and revokes them; the host accepts
/// <c>Authorization: Bearer</c> within the token's scope; both admin actions land in the hash-chained audit stream.
/// </summary>
public class ApiTokenTests
{
    [Fact]
    public async Task Tokens_CreatedByCli_ScopedOnTheApi_RevokedRefused_AllAudited()
    {
        var db = Path.Combine(Path.GetTempPath(), "imtbot-tests", Guid.NewGuid().ToString("N"), "imtbot.db");
        var storage = $"--Storage:Path={db}";
        var read = await CreateAsync("ci", "read", storage);
        var admin = await CreateAsync("ops-admin", "admin", storage);

        var (host, _) = await SignInHost.StartAsync(null, db);
        await using (host)
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(host.Http, HttpMethod.Get, "/api/incidents", read)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(host.Http, HttpMethod.Get, "/api/admin/audit", read)).StatusCode);

            // A token is automation, not a person: the console (which acts as someone) refuses every token.
            Assert.Equal(HttpStatusCode.Forbidden, (await SendAsync(host.Http, HttpMethod.Post, "/api/console/messages", admin, new { user = "alice", text = "/incident declare x sev1" })).StatusCode);
            var wrong = await SendAsync(host.Http, HttpMethod.Get, "/api/incidents", "imt_" + new string('A', 43));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("Bearer", wrong.Headers.WwwAuthenticate.Single().Scheme);

            var audit = (await (await SendAsync(host.Http, HttpMethod.Get, "/api/admin/audit", admin)).Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.True((bool)audit["valid"]!);
            Assert.Equal(["api_token_created", "api_token_created"], audit["events"]!.AsArray().Select(e => (string)e!["type"]!));
            Assert.DoesNotContain(read, audit.ToJsonString());
        }

        var (code, output, _) = await RunAsync("tokens", "revoke", "ci", storage);
        Assert.Equal(0, code);
        var (_, list, _) = await RunAsync("tokens", "list", storage);
        Assert.Matches(@"ci\s+read\s+\S+ \S+\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+\d{4}-", list);

        (host, _) = await SignInHost.StartAsync(null, db);
        await using (host)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync(host.Http, HttpMethod.Get, "/api/incidents", read)).StatusCode);
            var audit = (await (await SendAsync(host.Http, HttpMethod.Get, "/api/admin/audit", admin)).Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("api_token_revoked", (string)audit["events"]![2]!["type"]!);
            Assert.True((bool)audit["valid"]!);
        }

        // Stored as a hash: the token itself is nowhere in the database file.
        var bytes = await File.ReadAllTextAsync(db, System.Text.Encoding.Latin1);
        Assert.DoesNotContain(read, bytes);
        Assert.DoesNotContain(admin, bytes);
        Assert.Contains("Revoked", output);
    }

    [Theory]
    [InlineData("create --name ci --scope root", "--scope must be one of read, write, admin")]
    [InlineData("create --name a/b --scope read", "--name must be")]
    [InlineData("create --scope read", "usage: imtbot tokens")]
    [InlineData("revoke", "usage: imtbot tokens")]
    public async Task Tokens_BadArguments_UsageAndNothingChanged(string args, string expected)
    {
        var (code, _, errors) = await RunAsync(["tokens", .. args.Split(' '), $"--Storage:Path={Path.Combine(Path.GetTempPath(), "imtbot-tests", Guid.NewGuid().ToString("N"), "imtbot.db")}"]);

        Assert.Equal(CliVerbs.Usage, code);
        Assert.Contains(expected, errors);
    }

    private static async Task<string> CreateAsync(string name, string scope, string storage)
    {
        var (code, output, errors) = await RunAsync("tokens", "create", "--name", name, "--scope", scope, storage);
        Assert.True(code == 0, errors);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Single(l => l.StartsWith("imt_", StringComparison.Ordinal));
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await CliVerbs.TryRunAsync(args, stdout, stderr);
        return (code!.Value, stdout.ToString(), stderr.ToString());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http.SendAsync(request);
    }
}
