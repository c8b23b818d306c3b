using System.Text;
using System.Text.Json.Nodes;
using ImtBot.Slack.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ImtBot.Slack.Inbound;

/// <summary>
/// Posts to an interaction's <c>response_url</c>: the only way to change an ephemeral message (it has no ts for
/// <c>chat.update</c>). The URL arrives inside the payload, so it is trusted only when it is Slack's: https on
/// <see cref="SlackHooksHost"/>, or exactly the scheme, host and port of <c>Slack:ApiBaseUrl</c> (a test's local
/// fake). Anything else is refused unsent, and redirects are not followed, so a forged URL never makes the bot call
/// elsewhere. A failure is logged and dropped: the click itself is already recorded.
/// </summary>
public sealed partial class SlackResponseUrl(IHttpClientFactory httpClients, IOptions<SlackOptions> options, ILogger<SlackResponseUrl> logger)
{
    public const string HttpClientName = "ImtBot.Slack.ResponseUrl";

    /// <summary>The host Slack's response URLs are on (<c>https://hooks.slack.com/actions/T…/…/…</c>).</summary>
    public const string SlackHooksHost = "hooks.slack.com";

    /// <summary>Whether <paramref name="url"/> is a response URL the bot may post to, given the configured API base URL.</summary>
    public static bool IsSlacks(string? url, Uri apiBaseUrl, out Uri? uri)
    {
        uri = null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.UserInfo.Length > 0)
        {
            return false;
        }

        var hooks = parsed.Scheme == Uri.UriSchemeHttps && parsed.IsDefaultPort && parsed.Host.Equals(SlackHooksHost, StringComparison.OrdinalIgnoreCase);
        var configured = parsed.Scheme == apiBaseUrl.Scheme
            && parsed.Port == apiBaseUrl.Port
            && parsed.Host.Equals(apiBaseUrl.Host, StringComparison.OrdinalIgnoreCase);
        uri = hooks || configured ? parsed : null;
        return uri is not null;
    }

    /// <summary>Replaces the message the click came from with <paramref name="message"/> (<c>replace_original</c>).</summary>
    public async Task ReplaceOriginalAsync(string? url, JsonObject message, CancellationToken cancellationToken)
    {
        if (!IsSlacks(url, options.Value.ApiBaseUrl, out var uri))
        {
            LogRefused(logger, Host(url));
            return;
        }

        var body = message.DeepClone().AsObject();
        body["replace_original"] = true;
        try
        {
            using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await httpClients.CreateClient(HttpClientName).PostAsync(uri, content, cancellationToken).ConfigureAwait(false);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode || Refused(answer))
            {
                // Slack answers this way for a URL used 5 times or older than 30 minutes: the message stays as it was.
                LogNotReplaced(logger, (int)response.StatusCode, answer.Length > 200 ? answer[..200] : answer);
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogFailed(logger, e);
        }
    }

    /// <summary>An answer <c>{"ok":false,…}</c>; a plain <c>ok</c> or an empty body is success.</summary>
    private static bool Refused(string answer)
    {
        try
        {
            return JsonNode.Parse(answer) is JsonObject o && o["ok"] is JsonValue ok && ok.TryGetValue<bool>(out var value) && !value;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    private static string Host(string? url) => Uri.TryCreate(url, UriKind.Absolute, out var u) ? u.Scheme + "://" + u.Authority : "(not a URL)";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack response_url refused, not Slack's: {Host}")]
    private static partial void LogRefused(ILogger logger, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack response_url answered HTTP {Status}: {Answer}")]
    private static partial void LogNotReplaced(ILogger logger, int status, string answer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Slack response_url post failed in transport")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
