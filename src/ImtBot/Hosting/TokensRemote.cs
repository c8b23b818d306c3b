using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImtBot.Security;

namespace ImtBot.Hosting;

/// <summary>
/// <c>imtbot tokens … --url &lt;address&gt;</c>: the same verbs through the running bot's admin API
/// (<c>/api/admin/tokens</c>), authenticated with the admin-scope token in <c>IMTBOT_ADMIN_TOKEN</c> (the environment,
/// so it is in neither the shell history nor the process list), or none on the loopback local demo. An admin token is
/// only sent over HTTPS or to this machine.
/// </summary>
internal static class TokensRemote
{
    public const string TokenVariable = "IMTBOT_ADMIN_TOKEN";

    public static Task<int> CreateAsync(string url, string name, string scope, TextWriter stdout, TextWriter stderr) =>
        SendAsync(url, HttpMethod.Post, "/api/admin/tokens", JsonContent.Create(new { name, scope }), stderr, async body =>
        {
            await stdout.WriteLineAsync($"Created token {(string?)body["id"]} \"{name}\" ({scope}). It is shown this once; ImtBot keeps only its hash:");
            await stdout.WriteLineAsync((string?)body["token"]);
        });

    public static Task<int> ListAsync(string url, TextWriter stdout, TextWriter stderr) =>
        SendAsync(url, HttpMethod.Get, "/api/admin/tokens", null, stderr, async body =>
            await TokensVerb.WriteTableAsync(stdout, body.AsArray().Select(t => new ApiToken
            {
                Id = (string?)t!["id"] ?? "",
                Name = (string?)t["name"] ?? "",
                Scope = (string?)t["scope"] ?? "",
                CreatedAt = t["createdAt"]!.GetValue<DateTimeOffset>(),
                LastUsedAt = t["lastUsedAt"]?.GetValue<DateTimeOffset>(),
                RevokedAt = t["revokedAt"]?.GetValue<DateTimeOffset>(),
            })));

    public static Task<int> RevokeAsync(string url, string nameOrId, TextWriter stdout, TextWriter stderr) =>
        SendAsync(url, HttpMethod.Delete, "/api/admin/tokens/" + Uri.EscapeDataString(nameOrId), null, stderr, async _ =>
            await stdout.WriteLineAsync($"Revoked \"{nameOrId}\": requests carrying it are refused from now on."));

    private static async Task<int> SendAsync(string url, HttpMethod method, string path, HttpContent? content, TextWriter stderr, Func<JsonNode, Task> done)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            await stderr.WriteLineAsync($"imtbot tokens: --url must be the bot's address, such as http://127.0.0.1:5000 or https://imtbot.example.com (was \"{url}\").");
            return CliVerbs.Usage;
        }

        var token = Environment.GetEnvironmentVariable(TokenVariable);
        if (token is { Length: > 0 } && address.Scheme == "http" && !address.IsLoopback)
        {
            await stderr.WriteLineAsync($"imtbot tokens: an admin token is sent over HTTPS only beyond this machine: use https:// (was {address.GetLeftPart(UriPartial.Authority)}).");
            return CliVerbs.Usage;
        }

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is { Length: > 0 })
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request);
        }
        catch (HttpRequestException e)
        {
            await stderr.WriteLineAsync($"imtbot tokens: could not reach the bot at {address.GetLeftPart(UriPartial.Authority)}: {e.Message}");
            return CliVerbs.Error;
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                await done(JsonNode.Parse(text)!);
                return CliVerbs.Ok;
            }

            var detail = response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.Ordinal) == true && JsonNode.Parse(text)?["detail"] is { } d ? (string?)d : null;
            await stderr.WriteLineAsync(response.StatusCode switch
            {
                HttpStatusCode.Unauthorized => $"imtbot tokens: the bot refused the request (401): set {TokenVariable} to a live admin-scope token.",
                HttpStatusCode.Forbidden => $"imtbot tokens: the bot refused the request (403): {detail ?? $"the token in {TokenVariable} is not admin-scope."}",
                _ => $"imtbot tokens: the bot answered {(int)response.StatusCode}: {detail ?? text}",
            });
            return response.StatusCode is HttpStatusCode.BadRequest ? CliVerbs.Usage : CliVerbs.Error;
        }
    }
}
