using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ImtBot.Slack.Testing;

/// <summary>
/// A fake Slack on 127.0.0.1 that behaves like the real one for the methods the bot uses: ok/error bodies, bearer
/// token checks, name rules and <c>name_taken</c>, membership, message metadata and history, 429 with Retry-After,
/// the <c>superfluous_charset</c> warning for a form post that names a charset, and Socket Mode
/// (<c>apps.connections.open</c> + a WebSocket that says hello).
/// </summary>
public sealed partial class FakeSlack : IAsyncDisposable
{
    public const string BotToken = "xoxb-fake";
    public const string AppToken = "xapp-fake";
    public const string BotUserId = "UBOT";

    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeFault>> faults = new();
    private readonly Channel<FakeSocket> sockets = Channel.CreateUnbounded<FakeSocket>();
    private readonly object gate = new();
    private (DateTimeOffset Until, FakeFault Fault)? outage;
    private int nextId = 100;
    private long tsSeconds;
    private int tsFraction;
    private int tickets;
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeSlack(WebApplication app, TimeProvider clock)
    {
        this.app = app;
        Clock = clock;
    }

    public TimeProvider Clock { get; }

    /// <summary>How far Slack's clock (its answers' Date, its messages' ts) is ahead of <see cref="Clock"/>: a host's clock is never exactly Slack's.</summary>
    public TimeSpan ClockAhead { get; set; }

    private DateTimeOffset SlackNow => Clock.GetUtcNow() + ClockAhead;

    /// <summary>Held while the fake applies a call: lock it to read <see cref="Channels"/> while calls arrive.</summary>
    public object Gate => gate;

    public Uri BaseUrl { get; private set; } = null!;

    public Uri ApiBaseUrl => new(BaseUrl, "api/");

    public ConcurrentQueue<FakeCall> Calls { get; } = new();

    public Dictionary<string, FakeChannel> Channels { get; } = new();

    public Dictionary<string, string> Users { get; } = new() { ["UALICE"] = "Alice", ["UBOB"] = "Bob", [BotUserId] = "imtbot" };

    public ConcurrentQueue<JsonObject> Ephemerals { get; } = new();

    public ConcurrentQueue<JsonObject> OpenedViews { get; } = new();

    /// <summary>The most messages one <c>conversations.history</c> page holds: 15, as for an app not in the Slack Marketplace.</summary>
    public int HistoryLimit { get; set; } = 15;

    /// <summary>For a call with no fault queued and no outage: a fault to inject at random (a chaos run), or null to answer normally.</summary>
    public Func<string, FakeFault?>? Chaos { get; set; }

    /// <summary>Slack's rate limits, enforced with 429 and Retry-After when set (off by default: most tests are about something else).</summary>
    public FakeRateLimits? Limits { get; set; }

    /// <summary>Answer <c>token_revoked</c> to every bot-token call.</summary>
    public bool Revoked { get; set; }

    /// <summary>Send <c>hello</c> as soon as a socket connects.</summary>
    public bool SendHello { get; set; } = true;

    public static async Task<FakeSlack> StartAsync(TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlack(app, clock);
        app.UseWebSockets();

        // As Slack's: every answer is stamped with the time on Slack's clock (this fake's), as a message's ts is.
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                http.Response.Headers.Date = fake.SlackNow.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            return next(http);
        });
        app.Map("/link", fake.LinkAsync);
        app.MapPost("/api/{method}", fake.HandleAsync);
        app.MapGet("/api/{method}", fake.HandleAsync);
        app.MapPost("/actions/{**rest}", fake.RespondAsync);
        app.MapPost("/commands/{**rest}", fake.RespondAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    /// <summary>Waits until <paramref name="method"/> has been called <paramref name="count"/> times (a 20 s hang guard fails the test).</summary>
    public async Task<IReadOnlyList<FakeCall>> WaitForCallsAsync(string method, int count = 1)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var signal = changed.Task;
            var calls = CallsTo(method);
            if (calls.Count >= count)
            {
                return calls;
            }

            await signal.WaitAsync(guard.Token);
        }
    }

    public void Fail(string method, FakeFault fault) => faults.GetOrAdd(method, _ => new()).Enqueue(fault);

    /// <summary>Like <see cref="Fail(string, FakeFault)"/>, for the next call of <paramref name="method"/> into <paramref name="channel"/> only.</summary>
    public void FailIn(string method, string channel, FakeFault fault) => faults.GetOrAdd(method + " " + channel, _ => new()).Enqueue(fault);

    /// <summary>An outage: every Web API call answers <paramref name="fault"/> until the clock reaches <paramref name="until"/>.</summary>
    public void FailEverythingUntil(DateTimeOffset until, FakeFault fault) => outage = (until, fault);

    public IReadOnlyList<FakeCall> CallsTo(string method) => Calls.Where(c => c.Method == method).ToList();

    /// <summary>The next Socket Mode connection the client opens.</summary>
    public async Task<FakeSocket> NextSocketAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return await sockets.Reader.ReadAsync(guard.Token);
    }

    public FakeChannel AddChannel(string name, string purpose = "", string creator = "UOTHER", bool botIsMember = true, string? id = null)
    {
        lock (gate)
        {
            var channel = new FakeChannel(id ?? "C" + nextId++, name, creator) { Purpose = purpose };
            if (botIsMember)
            {
                channel.Members.Add(BotUserId);
            }

            Channels[channel.Id] = channel;
            return channel;
        }
    }

    /// <summary>Someone posts <paramref name="text"/>; its ts is the next fake one, or <paramref name="at"/> (Slack's ts is the post time).</summary>
    public JsonObject AddMessage(string channel, string user, string text, DateTimeOffset? at = null)
    {
        lock (gate)
        {
            var ts = at is { } when ? when.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) + ".000200" : NextTs();
            var message = new JsonObject { ["type"] = "message", ["ts"] = ts, ["user"] = user, ["text"] = text };
            Channels[channel].Messages.Add(message);
            return message;
        }
    }

    /// <summary>
    /// As Slack's: the posting time in seconds (on <see cref="Clock"/>) and a unique, increasing fraction, so history
    /// can be searched by time.
    /// </summary>
    private string NextTs()
    {
        var seconds = SlackNow.ToUnixTimeSeconds();
        if (seconds > tsSeconds)
        {
            (tsSeconds, tsFraction) = (seconds, 100);
        }
        else if (++tsFraction > 999_999)
        {
            (tsSeconds, tsFraction) = (tsSeconds + 1, 100);
        }

        return tsSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + "." + tsFraction.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task LinkAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            http.Response.StatusCode = 400;
            return;
        }

        using var ws = await http.WebSockets.AcceptWebSocketAsync();
        var socket = new FakeSocket(ws, http.Request.Query["ticket"].ToString());
        var run = socket.RunAsync();
        if (SendHello)
        {
            await socket.SendAsync("""{"type":"hello","num_connections":1,"debug_info":{"host":"applink-fake","build_number":10,"approximate_connection_time":18060},"connection_info":{"app_id":"A111"}}""");
        }

        sockets.Writer.TryWrite(socket);
        await run;
    }

    private async Task HandleAsync(HttpContext http, string method)
    {
        var args = await ReadArgsAsync(http.Request);
        var auth = http.Request.Headers.Authorization.ToString();
        Calls.Enqueue(new FakeCall(method, args, Clock.GetUtcNow(), auth, http.Request.ContentType ?? ""));
        Interlocked.Exchange(ref changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        FakeFault? fault = outage is { } down && Clock.GetUtcNow() < down.Until && method != "apps.connections.open" ? down.Fault
            : args["channel"] is JsonValue channelArg && faults.TryGetValue(method + " " + channelArg, out var inChannel) && inChannel.TryDequeue(out var c) ? c
            : faults.TryGetValue(method, out var queue) && queue.TryDequeue(out var f) ? f
            : method != "apps.connections.open" ? Chaos?.Invoke(method) : null;
        if (fault is null && Limits?.Check(method, (string?)(args["channel"] as JsonValue), Clock.GetUtcNow()) is { } wait)
        {
            // Slack's Retry-After is whole seconds, rounded up.
            fault = FakeFault.RateLimited(TimeSpan.FromSeconds(Math.Ceiling(wait.TotalSeconds)));
        }

        switch (fault?.Kind)
        {
            case "500":
                http.Response.StatusCode = 500;
                await http.Response.WriteAsync("<html>Internal Server Error</html>");
                return;
            case "429":
                http.Response.StatusCode = 429;
                http.Response.Headers.RetryAfter = fault.RetryAfter is { } delta
                    ? ((int)delta.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : fault.RetryAt!.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
                await http.Response.WriteAsync("""{"ok":false,"error":"ratelimited"}""");
                return;
            case "error":
                await http.Response.WriteAsJsonAsync(new { ok = false, error = fault.Error });
                return;
            case "503":
                http.Response.StatusCode = 503;
                await http.Response.WriteAsync("upstream unavailable");
                return;
            case "drop":
                http.Abort();
                return;
            case "hold":
                // On real time, not the fake's clock: it waits for the caller's process to die.
                await Task.Delay(fault.Delay!.Value, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
                http.Abort();
                return;
            case "slow":
                await Task.Delay(fault.Delay ?? TimeSpan.FromSeconds(1), Clock);
                break;
        }

        JsonObject body;
        var expected = method == "apps.connections.open" ? AppToken : BotToken;
        if (auth != "Bearer " + expected)
        {
            body = Error("invalid_auth");
        }
        else if (Revoked && method != "apps.connections.open")
        {
            body = Error("token_revoked");
        }
        else
        {
            lock (gate)
            {
                body = Apply(method, args);
            }
        }

        if (SuperfluousCharset(http.Request))
        {
            // Slack's answer to a form post that names a charset: the call works, with a warning.
            body["warning"] = "superfluous_charset";
            body["response_metadata"] = new JsonObject { ["warnings"] = new JsonArray("superfluous_charset") };
        }

        if (fault?.Kind == "abort-after")
        {
            http.Abort();
            return;
        }

        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(body.ToJsonString());
    }

    private static bool SuperfluousCharset(HttpRequest request) =>
        request.Method == "POST"
        && request.ContentType is { } type
        && type.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
        && type.Contains("charset", StringComparison.OrdinalIgnoreCase);

    private static async Task<JsonObject> ReadArgsAsync(HttpRequest request)
    {
        var args = new JsonObject();
        foreach (var (k, v) in request.Query)
        {
            args[k] = v.ToString();
        }

        if (request.Method != "POST")
        {
            return args;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        if (request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true)
        {
            foreach (var (k, v) in JsonNode.Parse(text)!.AsObject())
            {
                args[k] = v?.DeepClone();
            }
        }
        else
        {
            foreach (var (k, v) in QueryHelpers.ParseQuery(text))
            {
                args[k] = v.ToString();
            }
        }

        return args;
    }

    private static JsonObject Ok(JsonObject? more = null)
    {
        var body = new JsonObject { ["ok"] = true };
        foreach (var (k, v) in more ?? [])
        {
            body[k] = v?.DeepClone();
        }

        return body;
    }

    private static JsonObject Error(string code) => new() { ["ok"] = false, ["error"] = code };

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
