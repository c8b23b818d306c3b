using System.Text.Json.Nodes;

namespace ImtBot.ConsoleChat;

/// <summary>
/// The card action convention shared by every platform: <c>data.command</c> is command text; an input with id
/// <c>user</c> is appended as a mention <c>&lt;@id&gt;</c>, an input with id <c>text</c> is appended as typed.
/// </summary>
internal static class CardActionText
{
    public static string Compose(string command, JsonObject data)
    {
        var text = command.Trim();
        if (data["user"] is JsonValue u && u.TryGetValue<string>(out var user) && !string.IsNullOrWhiteSpace(user))
        {
            text += " <@" + user.Trim() + ">";
        }

        if (data["text"] is JsonValue t && t.TryGetValue<string>(out var typed) && !string.IsNullOrWhiteSpace(typed))
        {
            text += " " + typed.Trim();
        }

        return text;
    }
}
