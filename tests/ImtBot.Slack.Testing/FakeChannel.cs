using System.Text.Json.Nodes;

namespace ImtBot.Slack.Testing;

public sealed class FakeChannel(string id, string name, string creator)
{
    public string Id { get; } = id;

    public string Name { get; set; } = name;

    public string Creator { get; } = creator;

    public string Topic { get; set; } = "";

    public string Purpose { get; set; } = "";

    public bool Archived { get; set; }

    /// <summary>When <c>conversations.create</c> made it (on the fake's clock); null for a channel a test added.</summary>
    public DateTimeOffset? Created { get; init; }

    /// <summary>Created with <c>is_private=true</c>: listed only to its members.</summary>
    public bool IsPrivate { get; set; }

    public HashSet<string> Members { get; } = [];

    /// <summary>Oldest first; each is the stored message object (ts, text, blocks, metadata, user, bot_id).</summary>
    public List<JsonObject> Messages { get; } = [];

    public HashSet<string> Pins { get; } = [];

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["name"] = Name,
        ["creator"] = Creator,
        ["is_archived"] = Archived,
        ["is_private"] = IsPrivate,
        ["topic"] = new JsonObject { ["value"] = Topic },
        ["purpose"] = new JsonObject { ["value"] = Purpose },
    };
}
