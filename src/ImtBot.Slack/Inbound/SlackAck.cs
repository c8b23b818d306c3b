using System.Text.Json.Nodes;

namespace ImtBot.Slack.Inbound;

/// <summary>
/// How to acknowledge an inbound delivery: <see cref="Body"/> is the response (HTTP 200 JSON, or the Socket Mode ack
/// <c>payload</c>); null is an empty acknowledgement. <see cref="After"/> runs once the ack is sent (an ephemeral
/// reply posted through the Web API), so it never delays the acknowledgement.
/// </summary>
public sealed record SlackAck(JsonObject? Body = null, Func<CancellationToken, Task>? After = null)
{
    public static SlackAck Empty { get; } = new();

    /// <summary>An ephemeral message shown only to the person who typed the command.</summary>
    public static SlackAck Ephemeral(string text) => new(new JsonObject { ["response_type"] = "ephemeral", ["text"] = text });
}
