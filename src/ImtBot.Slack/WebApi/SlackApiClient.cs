using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImtBot.Slack.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImtBot.Slack.WebApi;

/// <summary>
/// One Web API call, sent once: rate gate → request → answer. <c>ok:false</c> becomes <see cref="SlackApiException"/>;
/// a 429 becomes <c>ratelimited</c> with Slack's Retry-After and holds that method (or channel) in the gate until then;
/// a failure on the wire becomes <see cref="SlackTransportException"/>, saying whether a non-idempotent call may have
/// applied. Nothing is retried here: an outbox step reports the fault and the dispatcher decides when to try again
/// (docs/reliability.md §Retries, docs/protocols.md §Slack rate limits).
/// </summary>
public sealed partial class SlackApiClient
{
    public const string HttpClientName = "ImtBot.Slack";

    /// <summary>How long a Web API request may take before it is given up (and, if it changed something, may have applied).</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly IHttpClientFactory httpClients;
    private readonly SlackOptions options;
    private readonly TimeProvider time;
    private readonly SlackRateGate gate;
    private readonly ILogger<SlackApiClient> logger;

    // The outbox step the calls of this async flow belong to, if any.
    private static readonly AsyncLocal<StepScope?> CurrentStep = new();

    public SlackApiClient(IHttpClientFactory httpClients, IOptions<SlackOptions> options, TimeProvider time, SlackRateGate gate, ILogger<SlackApiClient> logger)
    {
        this.httpClients = httpClients;
        this.options = options.Value;
        this.time = time;
        this.gate = gate;
        this.logger = logger;
    }

    /// <summary>
    /// Marks the calls made from here on in this async flow as <paramref name="stepKey"/>'s: one whose turn under a rate
    /// limit is far off throws <see cref="SlackPacedException"/> instead of waiting (see <see cref="SlackRateGate"/>).
    /// Dispose to end it; it also ends with the async method that began it.
    /// </summary>
    public IDisposable ForStep(string stepKey)
    {
        var scope = new StepScope(stepKey, CurrentStep.Value);
        CurrentStep.Value = scope;
        return scope;
    }

    /// <summary>
    /// Records what the current step's last call that changed something produced (a posted message's ts), as a link: if
    /// the step is then sent away to wait for its turn, the link is stored with it and that call counts as accounted for.
    /// </summary>
    public void Learn(string link, string value)
    {
        if (CurrentStep.Value is { } step)
        {
            step.Learned[link] = value;
            step.Unrecorded = Math.Max(0, step.Unrecorded - 1);
        }
    }

    /// <summary>How far off a change's turn may be for a step to wait for it in place.</summary>
    public TimeSpan Patience => gate.Patience;

    /// <summary>Slack's clock against ours, from the answers so far.</summary>
    public SlackClock Clock { get; } = new();

    /// <summary>Calls <paramref name="method"/> with <paramref name="args"/> and returns the response body (<c>ok</c> is true).</summary>
    public async Task<JsonElement> CallAsync(SlackMethod method, JsonObject args, CancellationToken cancellationToken = default)
    {
        var channel = method.PerChannelPerSecond > 0 ? (string?)args["channel"] : null;
        var partition = channel is null ? method.Name : method.Name + "#" + channel;
        if (method.PerMinute > 0)
        {
            await WaitTurnAsync(method, method.Name, method.PerMinute / 60.0, method.PerMinute, cancellationToken).ConfigureAwait(false);
        }

        if (channel is not null)
        {
            await WaitTurnAsync(method, partition, method.PerChannelPerSecond, 1, cancellationToken).ConfigureAwait(false);
        }

        if (!method.Idempotent && CurrentStep.Value is { } step)
        {
            step.Unrecorded++;
        }

        HttpResponseMessage response;
        var sent = time.GetUtcNow();
        try
        {
            response = await SendOnceAsync(method, args, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var applied = !IsConnectFailure(e);
            LogTransport(logger, e, method.Name, applied);
            throw new SlackTransportException(method.Name, applied, e);
        }

        using (response)
        {
            if (response.Headers.Date is { } stamped)
            {
                Clock.Observe(stamped, sent, time.GetUtcNow());
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // Every caller of this method (or channel) waits in the gate until Slack's Retry-After, so one 429 does
                // not become a storm of them; the caller is told how long Slack asked for.
                var wait = RetryAfter(response) ?? TimeSpan.FromSeconds(1);
                gate.Pause(partition, time.GetUtcNow() + wait);
                LogRateLimited(logger, method.Name, wait.TotalSeconds);
                throw new SlackApiException(method.Name, "ratelimited", wait);
            }

            return await ReadAsync(method, response, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WaitTurnAsync(SlackMethod method, string key, double perSecond, double burst, CancellationToken cancellationToken)
    {
        // A call that changes something, and a step's first read through this limit, are sent away to come back at
        // their turn: a step waiting minutes for a read (a storm's DMs to open) must not hold a dispatcher slot that
        // other incidents' channels need. A read further into a search (a reconcile paging a busy channel's history)
        // waits in place: sent away, it would start its search again from the first page each time it came back, one
        // page further each time — the number of calls grows with the square of the pages.
        var step = CurrentStep.Value is { } current && (!method.Idempotent || current.CallsThrough(key) == 0) ? current : null;
        var wait = gate.Take(key, perSecond, burst, step?.Key, step?.CallsThrough(key) ?? 0);
        if (step is not null && wait > gate.Patience)
        {
            throw new SlackPacedException(method.Name, wait, step.Unrecorded > 0, new Dictionary<string, string>(step.Learned, StringComparer.Ordinal));
        }

        step?.Called(key);

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The request never left: the connection could not be made, so it cannot have applied.</summary>
    private static bool IsConnectFailure(Exception e) =>
        e is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError };

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private async Task<HttpResponseMessage> SendOnceAsync(SlackMethod method, JsonObject args, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        var baseUrl = options.ApiBaseUrl.AbsoluteUri.EndsWith('/') ? options.ApiBaseUrl : new Uri(options.ApiBaseUrl.AbsoluteUri + "/");
        var uri = new Uri(baseUrl, method.Name);
        using var request = method.Encoding switch
        {
            SlackEncoding.Get => new HttpRequestMessage(HttpMethod.Get, new Uri(uri + "?" + FormEncode(args))),
            SlackEncoding.Form => new HttpRequestMessage(HttpMethod.Post, uri) { Content = FormContent(args) },
            _ => new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(args.ToJsonString(), Encoding.UTF8, "application/json") },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", method.AppToken ? options.AppToken : options.BotToken);
        return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonElement> ReadAsync(SlackMethod method, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        JsonElement body;
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(bytes);
            body = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new SlackTransportException(method.Name, !method.Idempotent, detail: $"HTTP {(int)response.StatusCode} without a JSON body");
        }

        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("ok", out var ok) || ok.ValueKind != JsonValueKind.True)
        {
            var error = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var e) ? e.GetString() ?? "unknown_error" : "unknown_error";
            var detail = Detail(body);
            LogError(logger, method.Name, error, detail ?? "");
            throw new SlackApiException(method.Name, error, detail: detail);
        }

        if (body.TryGetProperty("warning", out var warning))
        {
            LogWarning(logger, method.Name, warning.GetString() ?? "");
        }

        return body;
    }

    private static string? Detail(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (body.TryGetProperty("needed", out var needed))
        {
            return "needed: " + needed.GetString();
        }

        if (body.TryGetProperty("response_metadata", out var meta) && meta.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Array)
        {
            return string.Join("; ", messages.EnumerateArray().Select(m => m.GetString()));
        }

        return null;
    }

    /// <summary>
    /// A form post without a <c>charset</c>: the body is percent-encoded ASCII, and Slack answers a form post that names
    /// a charset with the warning <c>superfluous_charset</c> (docs/protocols.md §Slack Web API methods).
    /// </summary>
    private static StringContent FormContent(JsonObject args)
    {
        var content = new StringContent(FormEncode(args), Encoding.ASCII);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return content;
    }

    private static string FormEncode(JsonObject args)
    {
        var sb = new StringBuilder();
        foreach (var (key, value) in args)
        {
            if (value is null)
            {
                continue;
            }

            var text = value.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Number => value.ToJsonString(),
                _ => value.ToJsonString(),
            };
            if (sb.Length > 0)
            {
                sb.Append('&');
            }

            sb.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(text));
        }

        return sb.ToString();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} answered ok:false {Error} {Detail}")]
    private static partial void LogError(ILogger logger, string method, string error, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {Method} warned: {Warning}")]
    private static partial void LogWarning(ILogger logger, string method, string warning);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {Method} answered 429: held for {DelaySeconds} s")]
    private static partial void LogRateLimited(ILogger logger, string method, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} failed in transport (may have applied: {Applied})")]
    private static partial void LogTransport(ILogger logger, Exception exception, string method, bool applied);

    private sealed class StepScope(string key, StepScope? outer) : IDisposable
    {
        public string Key { get; } = key;

        private readonly Dictionary<string, int> calls = new(StringComparer.Ordinal);

        /// <summary>Calls of this step that change something and whose result is not in <see cref="Learned"/>.</summary>
        public int Unrecorded { get; set; }

        /// <summary>What the step's calls so far produced, as links (a message it posted).</summary>
        public Dictionary<string, string> Learned { get; } = new(StringComparer.Ordinal);

        /// <summary>How many calls of this step went through the rate key so far.</summary>
        public int CallsThrough(string key) => calls.GetValueOrDefault(key);

        public void Called(string key) => calls[key] = CallsThrough(key) + 1;

        public void Dispose() => CurrentStep.Value = outer;
    }
}
