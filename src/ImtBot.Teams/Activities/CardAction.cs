using System.Text.Json;
using ImtBot.Cards;

namespace ImtBot.Teams.Activities;

/// <summary>
/// Reads an <c>adaptiveCard/action</c> invoke value (<c>{action:{type:"Action.Execute", verb?, data}}</c>) into command
/// text with <see cref="CardCommandText"/>: <c>data.command</c>, then the <c>user</c> and <c>text</c> inputs, then the
/// declare form's severity and assessment answers.
/// </summary>
internal static class CardAction
{
    public const int MaxCommandLength = CardCommandText.MaxLength;

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
        if (Command(data) is null)
        {
            return verb is null or TeamsConstants.CommandVerb
                ? (null, "BadRequest", "The card action has no command.")
                : (null, "NotSupported", "Unknown card action verb.");
        }

        return FromData(data);
    }

    /// <summary>
    /// The <c>Action.Submit</c> path: a client without Universal Actions sends the button as a <c>message</c> activity
    /// whose <c>value</c> is the button's data merged with the card's inputs, the same fields as <c>action.data</c> of
    /// an invoke. Both paths compose the same command text (docs/protocols.md §Teams card actions).
    /// </summary>
    /// <returns>The command text; null with an empty code when the value is no card button; null with an error code and message.</returns>
    public static (string? Text, string Code, string Message) ReadSubmit(JsonElement? value) =>
        value is { ValueKind: JsonValueKind.Object } v && Command(v) is not null
            ? FromData(v)
            : (null, "", "");

    private static (string? Text, string Code, string Message) FromData(JsonElement data)
    {
        var user = data.TryGetProperty(CardCommandText.UserInput, out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        var typed = data.TryGetProperty(CardCommandText.TextInput, out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var inputs = data.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.String)
            .Select(p => KeyValuePair.Create(p.Name, p.Value.GetString()));
        var text = CardCommandText.Compose(Command(data)!, CardCommandText.Picks(user), typed, inputs);
        return text.Length > MaxCommandLength
            ? (null, "BadRequest", $"The command is longer than {MaxCommandLength} characters.")
            : (text, "", "");
    }

    private static string? Command(JsonElement data) =>
        data.ValueKind == JsonValueKind.Object && data.TryGetProperty(CardCommandText.CommandKey, out var c) && c.ValueKind == JsonValueKind.String
            && !string.IsNullOrWhiteSpace(c.GetString())
            ? c.GetString()
            : null;

    /// <summary>
    /// A review form's Save (<c>data.form</c> = <c>review</c>): its inputs, by field name, as a <see cref="Core.Commands.ReviewFormCommand"/>;
    /// null for any other button. <paramref name="value"/> is an invoke value, or the Action.Submit value when <paramref name="submitted"/>.
    /// </summary>
    public static Core.Commands.ReviewFormCommand? ReviewForm(JsonElement? value, bool submitted = false)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v)
        {
            return null;
        }

        var data = submitted ? v
            : v.TryGetProperty("action", out var action) && action.ValueKind == JsonValueKind.Object && action.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d
            : default;
        if (data.ValueKind != JsonValueKind.Object || String(data, CardActionData.FormKey) != Cards.Models.ReviewFormModel.FormName)
        {
            return null;
        }

        return ReviewFormSubmission.Read(
            Command(data),
            name => data.TryGetProperty(name, out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null);
    }

    /// <summary>The card the button sat on (<see cref="CardActionData"/>); nothing named on a value <see cref="Read"/> accepted before it.</summary>
    public static ClickedCard Clicked(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } v || !v.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object
            || !action.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
        {
            return new ClickedCard(null, null);
        }

        return new ClickedCard(String(data, CardActionData.CardKey), String(data, CardActionData.PageKey));
    }

    private static string? String(JsonElement data, string key) =>
        data.TryGetProperty(key, out var p) && p.ValueKind == JsonValueKind.String && p.GetString() is { Length: > 0 and <= 200 } s ? s : null;
}
