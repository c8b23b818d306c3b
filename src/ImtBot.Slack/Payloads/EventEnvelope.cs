using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImtBot.Slack.Payloads;

/// <summary>
/// An Events API request body (also the <c>payload</c> of a Socket Mode <c>events_api</c> envelope):
/// <c>url_verification</c> carries a <see cref="Challenge"/> to echo; <c>event_callback</c> carries one
/// <see cref="Event"/>, identified by <see cref="EventId"/> across redeliveries. The event is read into its own record
/// once its type is known (<see cref="AppMentionEvent"/>, <see cref="ReactionAddedEvent"/>…).
/// </summary>
public sealed record EventEnvelope
{
    public const string UrlVerification = "url_verification";

    public const string EventCallback = "event_callback";

    public string? Type { get; init; }

    public string? Challenge { get; init; }

    public string? TeamId { get; init; }

    public string? ApiAppId { get; init; }

    public string? EventId { get; init; }

    public long? EventTime { get; init; }

    public List<EventAuthorization> Authorizations { get; init; } = [];

    public JsonElement? Event { get; init; }

    /// <summary>The bot's own user id in this workspace (the first authorization), to recognise its mentions and messages.</summary>
    [JsonIgnore]
    public string? BotUserId => Authorizations.Count > 0 ? Authorizations[0].UserId : null;
}
