using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImtBot.Teams.Activities;

/// <summary>The subset of a Bot Framework activity ImtBot reads (docs/protocols.md §Teams activities); unknown fields are kept.</summary>
internal sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? ChannelId { get; set; }
    public string? ServiceUrl { get; set; }
    public string? Text { get; set; }
    public string? ReplyToId { get; set; }
    public string? Action { get; set; }
    public ChannelAccount? From { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public List<ChannelAccount>? MembersAdded { get; set; }
    public List<ActivityEntity>? Entities { get; set; }
    public TeamsChannelData? ChannelData { get; set; }
    public JsonElement? Value { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>The tenant: <c>channelData.tenant.id</c>, else <c>conversation.tenantId</c>.</summary>
    [JsonIgnore]
    public string? TenantId => NonEmpty(ChannelData?.Tenant?.Id) ?? NonEmpty(Conversation?.TenantId);

    private static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
