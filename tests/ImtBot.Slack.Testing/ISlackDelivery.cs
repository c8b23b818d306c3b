using System.Text.Json.Nodes;

namespace ImtBot.Slack.Testing;

/// <summary>Delivers what Slack sends — slash commands, interactions, Events API envelopes — and returns the bot's answer.</summary>
public interface ISlackDelivery
{
    /// <summary>A slash command as its form body (<see cref="SlackPayloads.Command"/>); returns the response body, if any.</summary>
    Task<JsonNode?> CommandAsync(string form);

    /// <summary>An interaction payload (block_actions, view_submission); returns the response body, if any.</summary>
    Task<JsonNode?> InteractionAsync(JsonObject payload);

    /// <summary>An <c>event_callback</c> envelope (<see cref="SlackPayloads.Event"/>); returns the response body, if any.</summary>
    Task<JsonNode?> EventAsync(JsonObject envelope);
}
