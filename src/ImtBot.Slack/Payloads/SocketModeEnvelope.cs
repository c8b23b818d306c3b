using System.Text.Json;

namespace ImtBot.Slack.Payloads;

/// <summary>
/// A Socket Mode delivery: <see cref="Type"/> <c>events_api</c> (payload: an <see cref="EventEnvelope"/>),
/// <c>interactive</c> (an interaction payload) or <c>slash_commands</c> (a <see cref="SlashCommandPayload"/>). It is acked
/// by sending back <see cref="EnvelopeId"/>, with a response payload only when <see cref="AcceptsResponsePayload"/>.
/// </summary>
public sealed record SocketModeEnvelope
{
    public const string EventsApi = "events_api";

    public const string Interactive = "interactive";

    public const string SlashCommands = "slash_commands";

    public string? Type { get; init; }

    public string? EnvelopeId { get; init; }

    public JsonElement? Payload { get; init; }

    public bool AcceptsResponsePayload { get; init; }

    public int? RetryAttempt { get; init; }

    public string? RetryReason { get; init; }
}
