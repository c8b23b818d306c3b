using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImtBot.Slack.Payloads;
using ImtBot.Slack.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace ImtBot.Slack.Inbound;

/// <summary>
/// The three HTTP-mode request URLs. Each: size cap (413) → signature over the raw bytes (401) → parse those same
/// bytes → <see cref="SlackInbound"/> (which commits) → 200 with the ack; the follow-up runs after the response.
/// </summary>
public sealed partial class SlackHttpEndpoints(SlackInbound inbound, SlackSignatureVerifier verifier, ILogger<SlackHttpEndpoints> logger)
{
    public Task CommandsAsync(HttpContext http) => GuardAsync(http, CommandsCoreAsync);

    public Task InteractionsAsync(HttpContext http) => GuardAsync(http, InteractionsCoreAsync);

    public Task EventsAsync(HttpContext http) => GuardAsync(http, EventsCoreAsync);

    /// <summary>
    /// A payload that does not read as Slack's (<see cref="SlackPayloadException"/>: not JSON, a required field missing)
    /// is a 400: delivering it again cannot help. Any other fault is ours: a bare 500 (no stack trace, no
    /// X-Slack-No-Retry), logged with the exception, so that Slack delivers again and the inbox applies it once.
    /// </summary>
    private async Task GuardAsync(HttpContext http, Func<HttpContext, Task> endpoint)
    {
        try
        {
            await endpoint(http);
        }
        catch (SlackPayloadException e) when (!http.Response.HasStarted)
        {
            LogMalformed(logger, http.Request.Path, http.Connection.RemoteIpAddress?.ToString() ?? "", e);
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        catch (Exception e) when (e is not OperationCanceledException && !http.Response.HasStarted)
        {
            LogFault(logger, http.Request.Path, e);
            http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    private async Task CommandsCoreAsync(HttpContext http)
    {
        if (await ReadAsync(http, allowSslCheck: true) is not { } body)
        {
            return;
        }

        var form = Form(body);
        var command = SlashCommandPayload.FromForm(name => form.TryGetValue(name, out var v) ? v.ToString() : null);
        await AnswerAsync(http, await inbound.CommandAsync(command, http.RequestAborted));
    }

    private async Task InteractionsCoreAsync(HttpContext http)
    {
        if (await ReadAsync(http, allowSslCheck: false) is not { } body)
        {
            return;
        }

        if (!Form(body).TryGetValue("payload", out var payload))
        {
            throw new SlackPayloadException("The interaction request has no payload field.");
        }

        var json = SlackJson.Read<JsonElement>(payload.ToString(), "interaction payload");
        await AnswerAsync(http, await inbound.InteractionAsync(json, http.RequestAborted));
    }

    private async Task EventsCoreAsync(HttpContext http)
    {
        if (await ReadAsync(http, allowSslCheck: false) is not { } body)
        {
            return;
        }

        var envelope = SlackJson.Read<EventEnvelope>(body, "event envelope");
        if (envelope.Type == EventEnvelope.UrlVerification)
        {
            await AnswerAsync(http, new SlackAck(new JsonObject { ["challenge"] = envelope.Challenge }));
            return;
        }

        if (http.Request.Headers.TryGetValue("X-Slack-Retry-Num", out var retry))
        {
            LogRetry(logger, retry.ToString(), http.Request.Headers["X-Slack-Retry-Reason"].ToString());
        }

        await AnswerAsync(http, await inbound.EventAsync(envelope, http.RequestAborted));
    }

    /// <summary>The verified body, or null once the response (413/401/200 for ssl_check) has been set.</summary>
    private async Task<byte[]?> ReadAsync(HttpContext http, bool allowSslCheck)
    {
        var body = await SlackRequestReader.ReadAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            LogRejected(logger, http.Request.Path, "body over 1 MB", http.Connection.RemoteIpAddress?.ToString() ?? "");
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return null;
        }

        if (allowSslCheck && Form(body).TryGetValue("ssl_check", out var ssl) && ssl == "1")
        {
            http.Response.StatusCode = StatusCodes.Status200OK; // unsigned URL check: answer, and use none of its fields
            return null;
        }

        var check = SlackRequestReader.Verify(verifier, http.Request, body);
        if (check != SignatureCheck.Valid)
        {
            LogRejected(logger, http.Request.Path, check.ToString(), http.Connection.RemoteIpAddress?.ToString() ?? "");
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            await http.Response.WriteAsJsonAsync(new { error = "invalid request" }, http.RequestAborted);
            return null;
        }

        return body;
    }

    private static async Task AnswerAsync(HttpContext http, SlackAck ack)
    {
        if (ack.After is { } after)
        {
            http.Response.OnCompleted(() => after(CancellationToken.None));
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        if (ack.Body is { } body)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
        }
    }

    /// <summary>
    /// The form's fields, each exactly once: a field given twice (<c>user_id=U222&amp;user_id=U111</c>) is not a form Slack
    /// sends, and read as one value it came out as "U222,U111" — a 400 instead.
    /// </summary>
    private static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Form(byte[] body)
    {
        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        foreach (var (name, values) in form)
        {
            if (values.Count > 1)
            {
                throw new SlackPayloadException($"The form gives the field \"{name}\" {values.Count} times; Slack sends each field once.");
            }
        }

        return form;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack request to {Path} rejected: {Reason} (from {Remote})")]
    private static partial void LogRejected(ILogger logger, string path, string reason, string remote);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack request to {Path} rejected with 400: its payload does not read as Slack's (from {Remote})")]
    private static partial void LogMalformed(ILogger logger, string path, string remote, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Slack request to {Path} failed; answering 500 so Slack delivers it again")]
    private static partial void LogFault(ILogger logger, string path, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Slack event redelivery {RetryNum} ({Reason}); the inbox dedupes it")]
    private static partial void LogRetry(ILogger logger, string retryNum, string reason);
}
