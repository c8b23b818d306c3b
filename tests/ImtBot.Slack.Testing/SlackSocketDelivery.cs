using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace ImtBot.Slack.Testing;

/// <summary>Slack in Socket Mode: each delivery is an envelope on the bot's socket; the answer is the payload of the bot's ack.</summary>
public sealed class SlackSocketDelivery(FakeSocket socket) : ISlackDelivery
{
    private int next;

    public FakeSocket Socket { get; } = socket;

    public Task<JsonNode?> CommandAsync(string form)
    {
        var payload = new JsonObject();
        foreach (var (k, v) in QueryHelpers.ParseQuery(form))
        {
            payload[k] = v.ToString();
        }

        return SendAsync("slash_commands", payload);
    }

    public Task<JsonNode?> InteractionAsync(JsonObject payload) => SendAsync("interactive", payload);

    public Task<JsonNode?> EventAsync(JsonObject envelope) => SendAsync("events_api", envelope);

    /// <summary>Sends one envelope (<paramref name="retryAttempt"/> &gt; 0: a redelivery) and waits for its ack; returns the ack's payload.</summary>
    public async Task<JsonNode?> SendAsync(string type, JsonObject payload, int retryAttempt = 0)
    {
        var id = "env-" + Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture);
        var envelope = new JsonObject
        {
            ["envelope_id"] = id,
            ["type"] = type,
            ["payload"] = payload.DeepClone(),
            ["accepts_response_payload"] = type != "events_api",
        };
        if (retryAttempt > 0)
        {
            envelope["retry_attempt"] = retryAttempt;
            envelope["retry_reason"] = "timeout";
        }

        await Socket.SendAsync(envelope.ToJsonString());
        var ack = JsonNode.Parse(await Socket.ReceiveAsync())!;
        if ((string?)ack["envelope_id"] != id)
        {
            throw new InvalidOperationException($"expected the ack of {id}, got {ack.ToJsonString()}");
        }

        return ack["payload"];
    }
}
