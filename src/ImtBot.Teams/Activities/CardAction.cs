using System.Text;
using System.Text.Json;

namespace ImtBot.Teams.Activities;

/// <summary>
/// Reads an <c>adaptiveCard/action</c> invoke value (<c>{action:{type:"Action.Execute", verb?, data}}</c>) into command
/// text: <c>data.command</c>, then input <c>user</c> as <c>&lt;@id&gt;</c> and input <c>text</c> as typed (the convention of
/// <see cref="Core.Ports.IIncidentCards"/>).
/// </summary>
internal static class CardAction
{
    public const int MaxCommandLength = 4000;

    /// <returns>The command text, or null with an error code (<c>BadRequest</c> / <c>NotSupported</c>) and message.</returns>
    public static (string? Text, string Code, string Message) Read(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v)
        {
            return (null, "BadRequest", "The invoke value must be an object.");
        }

        if (!v.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Action.Execute")
        {
            return (null, "NotSupported", "Only Action.Execute is supported.");
        }

        var verb = action.TryGetProperty("verb", out var vb) && vb.ValueKind == JsonValueKind.String ? vb.GetString() : null;
        var data = action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        var command = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("command", out var c) && c.ValueKind == JsonValueKind.String
            ? c.GetString()
            : null;
        if (string.IsNullOrWhiteSpace(command))
        {
            return verb is null or TeamsConstants.CommandVerb
                ? (null, "BadRequest", "The card action has no command.")
                : (null, "NotSupported", "Unknown card action verb.");
        }

        var text = new StringBuilder(command.Trim());
        if (data.TryGetProperty("user", out var user) && user.ValueKind == JsonValueKind.String)
        {
            foreach (var id in (user.GetString() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                text.Append(" <@").Append(id.Replace(">", "", StringComparison.Ordinal).Replace("|", "", StringComparison.Ordinal)).Append('>');
            }
        }

        if (data.TryGetProperty("text", out var typed) && typed.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(typed.GetString()))
        {
            text.Append(' ').Append(typed.GetString()!.Trim());
        }

        return text.Length > MaxCommandLength
            ? (null, "BadRequest", $"The command is longer than {MaxCommandLength} characters.")
            : (text.ToString(), "", "");
    }
}
