using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace ImtBot.Slack.Testing;

/// <summary>A post to a response URL, as the fake answered it (<see cref="Accepted"/>: HTTP 200 <c>{"ok":true}</c>).</summary>
public sealed record FakeResponse(Uri Url, JsonObject? Body, bool Accepted, string Answer, DateTimeOffset At);

/// <summary>
/// Response URLs as Slack's: handed out by the fake (<see cref="NewResponseUrl"/>) for a payload, usable 5 times within
/// 30 minutes, and answered 404 <c>{"ok":false,"error":…}</c> otherwise — an unknown URL (one the fake never handed
/// out), one used up (<c>used_url</c>) or too old (<c>expired_url</c>). The body must be JSON, as Slack's is.
/// </summary>
public sealed partial class FakeSlack
{
    public const int ResponseUrlUses = 5;

    public static readonly TimeSpan ResponseUrlLifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, (DateTimeOffset Issued, int Uses)> responseUrls = new(StringComparer.Ordinal);
    private int nextResponseUrl;

    /// <summary>Every post to a response URL, answered or refused, in order.</summary>
    public ConcurrentQueue<FakeResponse> Responses { get; } = new();

    /// <summary>A new response URL on this fake, like <c>https://hooks.slack.com/actions/T111/…/…</c>.</summary>
    public string NewResponseUrl()
    {
        var id = Interlocked.Increment(ref nextResponseUrl);
        var url = new Uri(BaseUrl, $"actions/T111/{id}/{Guid.NewGuid():N}").AbsoluteUri;
        responseUrls[new Uri(url).AbsolutePath] = (Clock.GetUtcNow(), 0);
        return url;
    }

    /// <summary>Waits until <paramref name="count"/> posts reached a response URL (a 20 s hang guard fails the test).</summary>
    public async Task<IReadOnlyList<FakeResponse>> WaitForResponsesAsync(int count = 1)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var signal = changed.Task;
            if (Responses.Count >= count)
            {
                return Responses.ToList();
            }

            await signal.WaitAsync(guard.Token);
        }
    }

    private async Task RespondAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        JsonObject? body = null;
        try
        {
            body = http.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true ? JsonNode.Parse(text) as JsonObject : null;
        }
        catch (JsonException)
        {
        }

        var path = http.Request.Path.Value ?? "";
        var now = Clock.GetUtcNow();
        string? error;
        if (!responseUrls.TryGetValue(path, out var issued))
        {
            error = "expired_url";
        }
        else if (now - issued.Issued > ResponseUrlLifetime)
        {
            error = "expired_url";
        }
        else if (issued.Uses >= ResponseUrlUses)
        {
            error = "used_url";
        }
        else if (body is null)
        {
            error = "invalid_payload";
        }
        else
        {
            error = null;
            responseUrls[path] = issued with { Uses = issued.Uses + 1 };
        }

        var answer = error is null ? """{"ok":true}""" : new JsonObject { ["ok"] = false, ["error"] = error }.ToJsonString();
        Responses.Enqueue(new FakeResponse(new Uri(BaseUrl, path), body, error is null, answer, now));
        Interlocked.Exchange(ref changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        http.Response.StatusCode = error switch { null => 200, "invalid_payload" => 400, _ => 404 };
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(answer);
    }
}
