using System.Text.Json.Serialization;

namespace ImtBot.Slack.Payloads;

/// <summary>The <c>user</c> of an interaction payload: who clicked or submitted.</summary>
public sealed record InteractionUser
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public string? Username { get; init; }

    public string? TeamId { get; init; }

    /// <summary>The name to show: <c>name</c>, else <c>username</c>, else the id.</summary>
    [JsonIgnore]
    public string DisplayName => Name ?? Username ?? Id;
}
