using System.Net;
using System.Text.Json;

namespace ImtBot.Teams.Connector;

/// <summary>Sends a request and reads a JSON answer; maps failures to <see cref="ConnectorException"/> without echoing headers or tokens.</summary>
internal static class HttpJson
{
    public static async Task<JsonDocument> SendAsync(HttpClient client, HttpRequestMessage request, string service, TimeProvider time, CancellationToken cancellationToken)
    {
        var unsafeMethod = request.Method != HttpMethod.Get && request.Method != HttpMethod.Put && request.Method != HttpMethod.Delete;
        HttpResponseMessage response;
        TeamsPacing.Sending(request.Method);
        try
        {
            response = await client.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ConnectorException($"{service} {request.Method} got no answer: {e.GetType().Name}", 0, mayHaveApplied: true);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
            }

            var (code, message) = ReadError(text);
            var retryAfter = response.Headers.RetryAfter switch
            {
                { Delta: { } d } => d,
                { Date: { } at } => at - time.GetUtcNow(),
                _ => (TimeSpan?)null,
            };
            var ambiguous = unsafeMethod && response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout or HttpStatusCode.InternalServerError;
            throw new ConnectorException(
                $"{service} {request.Method} {request.RequestUri?.AbsolutePath} answered {(int)response.StatusCode} {code}: {message}".TrimEnd(' ', ':'),
                response.StatusCode,
                code,
                retryAfter,
                ambiguous);
        }
    }

    private static (string? Code, string? Message) ReadError(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = error.TryGetProperty("message", out var m) ? m.GetString() : null;
                if (error.TryGetProperty("innerError", out var inner) && inner.ValueKind == JsonValueKind.Object && inner.TryGetProperty("code", out var ic))
                {
                    code = $"{code}/{ic.GetString()}";
                }

                return (code, message?.Length > 300 ? message[..300] : message);
            }
        }
        catch (JsonException)
        {
            // not JSON: keep only the status
        }

        return (null, null);
    }
}
