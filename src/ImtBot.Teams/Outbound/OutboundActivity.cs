using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ImtBot.Core.Platforms;

namespace ImtBot.Teams.Outbound;

/// <summary>
/// Builds outgoing message activities. Text goes out as <c>textFormat: xml</c> with user text HTML-encoded, so
/// <c>&lt;at&gt;Everyone&lt;/at&gt;</c> or Markdown links typed by users stay literal; only the bot's own mentions
/// carry a mention entity (docs/protocols.md §Teams mentions).
/// </summary>
internal static class OutboundActivity
{
    public static JsonObject Text(string text) => Message(Encode(text), []);

    /// <summary>A message that starts with mentions of <paramref name="users"/> (Teams users only; others are named in text).</summary>
    public static JsonObject Mentioning(IEnumerable<UserRef> users, string text)
    {
        var sb = new StringBuilder();
        var entities = new JsonArray();
        foreach (var user in users)
        {
            if (sb.Length > 0)
            {
                sb.Append(", ");
            }

            if (user.Platform == PlatformNames.Teams)
            {
                var (at, entity) = Mention(user);
                sb.Append(at);
                entities.Add(entity);
            }
            else
            {
                sb.Append(Encode(user.ToString()));
            }
        }

        if (sb.Length > 0)
        {
            sb.Append(' ');
        }

        sb.Append(Encode(text));
        return Message(sb.ToString(), entities);
    }

    /// <summary>A message carrying one Adaptive Card.</summary>
    public static JsonObject Card(JsonNode card, string? summary = null)
    {
        var message = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = TeamsConstants.AdaptiveCardType,
                ["content"] = card.DeepClone(),
            }),
        };
        if (summary is not null)
        {
            message["summary"] = summary;
        }

        return message;
    }

    /// <summary>A small Adaptive Card whose text mentions a user through <c>msteams.entities</c>.</summary>
    public static JsonObject MentionCard(UserRef user, string text)
    {
        var (at, entity) = Mention(user);
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject
            {
                ["type"] = "TextBlock",
                ["wrap"] = true,
                ["text"] = at + " " + EscapeMarkdown(text),
            }),
            ["msteams"] = new JsonObject { ["entities"] = new JsonArray(entity) },
        };
        return Card(card, text);
    }

    /// <summary><c>&lt;at&gt;Name&lt;/at&gt;</c> and the entity that makes it a mention of the user's Entra object id.</summary>
    public static (string At, JsonObject Entity) Mention(UserRef user)
    {
        var name = WebUtility.HtmlEncode(string.IsNullOrWhiteSpace(user.DisplayName) ? "user" : user.DisplayName);
        var at = $"<at>{name}</at>";
        var entity = new JsonObject
        {
            ["type"] = "mention",
            ["text"] = at,
            ["mentioned"] = new JsonObject { ["id"] = user.Id, ["name"] = user.DisplayName },
        };
        return (at, entity);
    }

    public static string Encode(string text) =>
        WebUtility.HtmlEncode(text).Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "<br/>", StringComparison.Ordinal);

    private static string EscapeMarkdown(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '[' or ']' or '(' or ')' or '*' or '_' or '`' or '<' or '>' or '#' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static JsonObject Message(string xml, JsonArray entities)
    {
        var message = new JsonObject
        {
            ["type"] = "message",
            ["textFormat"] = "xml",
            ["text"] = xml,
        };
        if (entities.Count > 0)
        {
            message["entities"] = entities;
        }

        return message;
    }
}
