using System.Text.Json;
using System.Text.Json.Serialization;

namespace ImtBot.Teams.Activities;

/// <summary><c>conversation</c>: channel threads are <c>19:…@thread.tacv2;messageid=…</c>, 1:1 chats <c>a:…</c>.</summary>
internal sealed class ConversationAccount
{
    public string? Id { get; set; }
    public string? ConversationType { get; set; }
    public string? TenantId { get; set; }
    public string? Name { get; set; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
