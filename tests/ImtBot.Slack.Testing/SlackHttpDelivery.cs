using System.Text.Json.Nodes;

namespace ImtBot.Slack.Testing;

/// <summary>Slack in HTTP mode: signed POSTs to the request URLs (<c>/api/slack/commands|interactions|events</c>), signed at the clock's now.</summary>
public sealed class SlackHttpDelivery(HttpClient http, TimeProvider clock, string secret = SlackSigning.SigningSecret) : ISlackDelivery
{
    public Task<JsonNode?> CommandAsync(string form) => SendAsync("/api/slack/commands", form, SlackSigning.Form);

    public Task<JsonNode?> InteractionAsync(JsonObject payload) => SendAsync("/api/slack/interactions", SlackPayloads.Interaction(payload), SlackSigning.Form);

    public Task<JsonNode?> EventAsync(JsonObject envelope) => SendAsync("/api/slack/events", envelope.ToJsonString(), SlackSigning.Json);

    /// <summary>POSTs <paramref name="body"/> signed at the clock's now; <paramref name="tweak"/> can add headers (<c>X-Slack-Retry-Num</c>) or break the signature.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, string body, string contentType, Action<HttpRequestMessage>? tweak = null, string? signWith = null)
    {
        var request = SlackSigning.Request(path, body, contentType, clock.GetUtcNow().ToUnixTimeSeconds(), signWith ?? secret);
        tweak?.Invoke(request);
        return http.SendAsync(request);
    }

    private async Task<JsonNode?> SendAsync(string path, string body, string contentType)
    {
        using var response = await PostAsync(path, body, contentType);
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }
}
