using System.Text;

namespace ImtBot.Cards;

/// <summary>
/// The one rule that turns a clicked card button into command text, on every platform: the button carries command
/// text (<c>ack INC-42</c>); the people picked in the card's <c>user</c> input are appended as mentions
/// (<c>&lt;@id&gt;</c>, or <c>&lt;@id|name&gt;</c> when the platform told us the name); the card's <c>text</c> input is
/// appended as typed. Adapters read their wire format into these three parts and call <see cref="Compose"/>.
/// </summary>
public static class CardCommandText
{
    /// <summary>The data key of the command text on Teams and console buttons (<c>{"command":"ack INC-42"}</c>).</summary>
    public const string CommandKey = "command";

    /// <summary>The id of the people-picker input whose choice is appended as a mention.</summary>
    public const string UserInput = "user";

    /// <summary>The id of the free-text input appended as typed.</summary>
    public const string TextInput = "text";

    /// <summary>The severity input of the declare form: a <c>sev1</c>… value is appended; any other (the suggestion) is not.</summary>
    public const string SeverityInput = "severity";

    /// <summary>The prefix of an assessment answer's input id (<c>answer.data</c>), appended as <c>data=yes</c>.</summary>
    public const string AnswerPrefix = "answer.";

    /// <summary>Longer command text is refused: no command needs it, and it bounds what one click can store.</summary>
    public const int MaxLength = 4000;

    public static string Compose(string command, IEnumerable<CardPick> users, string? typed)
    {
        var text = new StringBuilder(command.Trim());
        foreach (var user in users)
        {
            // A mention is markup: characters that would end it early are dropped rather than trusted.
            var id = Clean(user.Id);
            if (id.Length == 0)
            {
                continue;
            }

            var name = user.Name is null ? "" : Clean(user.Name).Replace("<", "", StringComparison.Ordinal).Trim();
            text.Append(" <@").Append(id);
            if (name.Length > 0 && name != id)
            {
                text.Append('|').Append(name);
            }

            text.Append('>');
        }

        if (!string.IsNullOrWhiteSpace(typed))
        {
            text.Append(' ').Append(typed.Trim());
        }

        return text.ToString();
    }

    /// <summary>
    /// <see cref="Compose(string, IEnumerable{CardPick}, string?)"/>, then the form's other inputs: the chosen severity
    /// (<c>sev2</c>) and each answer (<c>answer.data</c> = <c>yes</c> → <c>data=yes</c>). Values that are not one word are
    /// dropped, so an input can never smuggle other command words in.
    /// </summary>
    public static string Compose(string command, IEnumerable<CardPick> users, string? typed, IEnumerable<KeyValuePair<string, string?>> inputs)
    {
        var text = new StringBuilder(Compose(command, users, typed));
        foreach (var (id, value) in inputs.Take(40))
        {
            var word = (value ?? "").Trim().ToLowerInvariant();
            if (!IsWord(word))
            {
                continue;
            }

            if (id == SeverityInput && word.Length == 4 && word.StartsWith("sev", StringComparison.Ordinal) && char.IsAsciiDigit(word[3]))
            {
                text.Append(' ').Append(word);
            }
            else if (id.StartsWith(AnswerPrefix, StringComparison.Ordinal) && IsWord(id[AnswerPrefix.Length..]))
            {
                text.Append(' ').Append(id[AnswerPrefix.Length..]).Append('=').Append(word);
            }
        }

        return text.ToString();
    }

    private static bool IsWord(string value) =>
        value.Length is > 0 and <= 32 && value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');

    /// <summary>The ids in a picker's value: Teams sends several people as one comma-separated string.</summary>
    public static IEnumerable<CardPick> Picks(string? commaSeparatedIds) =>
        (commaSeparatedIds ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(id => new CardPick(id));

    private static string Clean(string value) => value.Replace(">", "", StringComparison.Ordinal).Replace("|", "", StringComparison.Ordinal).Trim();
}
