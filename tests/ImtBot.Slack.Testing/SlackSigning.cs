using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ImtBot.Slack.Security;

namespace ImtBot.Slack.Testing;

/// <summary>Builds requests signed the way Slack signs them (<c>v0</c> HMAC-SHA256 over <c>v0:{timestamp}:{body}</c>).</summary>
public static class SlackSigning
{
    /// <summary>The signing secret of Slack's documented example (docs/protocols.md §Slack request signatures); tests use it as theirs.</summary>
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    public const string Form = "application/x-www-form-urlencoded";

    public const string Json = "application/json";

    /// <summary>A POST of <paramref name="body"/> to <paramref name="path"/> with <c>X-Slack-Request-Timestamp</c> and <c>X-Slack-Signature</c>.</summary>
    public static HttpRequestMessage Request(string path, string body, string contentType, long timestamp, string secret = SigningSecret)
    {
        var ts = timestamp.ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", SlackSignatureVerifier.Sign(secret, ts, bytes));
        return request;
    }
}
