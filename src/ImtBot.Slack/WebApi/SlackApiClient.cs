using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImtBot.Slack.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace ImtBot.Slack.WebApi;

/// <summary>
/// One Web API call: rate gate → Polly retry (429 honouring Retry-After on the injected clock; failures to connect; for
/// idempotent methods also 5xx and resets) → <c>ok:false</c> becomes <see cref="SlackApiException"/>, never retried.
/// A non-idempotent call that failed after it was sent throws <see cref="SlackTransportException"/> so the outbox
/// reconciles instead of repeating it.
/// </summary>
public sealed partial class SlackApiClient
{
    public const string HttpClientName = "ImtBot.Slack";

    private static readonly ResiliencePropertyKey<SlackMethod> MethodKey = new("slack.method");
    private static readonly ResiliencePropertyKey<string> PartitionKey = new("slack.partition");

    private readonly IHttpClientFactory httpClients;
    private readonly SlackOptions options;
    private readonly TimeProvider time;
    private readonly SlackRateGate gate;
    private readonly ILogger<SlackApiClient> logger;
    private readonly ResiliencePipeline<HttpResponseMessage> pipeline;

    public SlackApiClient(IHttpClientFactory httpClients, IOptions<SlackOptions> options, TimeProvider time, SlackRateGate gate, ILogger<SlackApiClient> logger)
    {
        this.httpClients = httpClients;
        this.options = options.Value;
        this.time = time;
        this.gate = gate;
        this.logger = logger;
        pipeline = BuildPipeline();
    }

    /// <summary>Calls <paramref name="method"/> with <paramref name="args"/> and returns the response body (<c>ok</c> is true).</summary>
    public async Task<JsonElement> CallAsync(SlackMethod method, JsonObject args, CancellationToken cancellationToken = default)
    {
        var channel = method.PerChannelPerSecond > 0 ? (string?)args["channel"] : null;
        var partition = channel is null ? method.Name : method.Name + "#" + channel;
        if (method.PerMinute > 0)
        {
            await gate.AcquireAsync(method.Name, method.PerMinute / 60.0, method.PerMinute, cancellationToken).ConfigureAwait(false);
        }

        if (channel is not null)
        {
            await gate.AcquireAsync(partition, method.PerChannelPerSecond, 1, cancellationToken).ConfigureAwait(false);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(MethodKey, method);
        context.Properties.Set(PartitionKey, partition);
        HttpResponseMessage response;
        try
        {
            response = await pipeline.ExecuteAsync(
                static async (ctx, state) => await state.Self.SendOnceAsync(state.Method, state.Args, ctx.CancellationToken).ConfigureAwait(false),
                context,
                (Self: this, Method: method, Args: args)).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            var applied = !IsConnectFailure(e);
            LogTransport(logger, method.Name, applied, e.GetType().Name);
            throw new SlackTransportException(method.Name, applied, e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            return await ReadAsync(method, response, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(SlackMethod method, JsonObject args, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(HttpClientName);
        var baseUrl = options.ApiBaseUrl.AbsoluteUri.EndsWith('/') ? options.ApiBaseUrl : new Uri(options.ApiBaseUrl.AbsoluteUri + "/");
        var uri = new Uri(baseUrl, method.Name);
        using var request = method.Encoding switch
        {
            SlackEncoding.Get => new HttpRequestMessage(HttpMethod.Get, new Uri(uri + "?" + FormEncode(args))),
            SlackEncoding.Form => new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(FormEncode(args), Encoding.UTF8, "application/x-www-form-urlencoded") },
            _ => new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(args.ToJsonString(), Encoding.UTF8, "application/json") },
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", method.AppToken ? options.AppToken : options.BotToken);
        return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    private async Task<JsonElement> ReadAsync(SlackMethod method, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new SlackApiException(method.Name, "ratelimited", RetryAfter(response) ?? TimeSpan.FromSeconds(1));
        }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack {Method}: retry {Attempt} in {DelaySeconds} s")]
    private static partial void LogRetry(ILogger logger, string method, int attempt, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack {Method} failed in transport (may have applied: {Applied}): {Kind}")]
    private static partial void LogTransport(ILogger logger, string method, bool applied, string kind);
}
