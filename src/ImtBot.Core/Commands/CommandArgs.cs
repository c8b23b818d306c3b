using System.Globalization;
using System.Text.RegularExpressions;

namespace ImtBot.Core.Commands;

/// <summary>The words after the verb (and after the incident reference, once taken), with the text they came from.</summary>
internal sealed partial class CommandArgs(string text, IReadOnlyList<CommandToken> tokens)
{
    public int Count => tokens.Count;

    public CommandToken this[int index] => tokens[index];

    /// <summary>The words from <paramref name="from"/> up to (not including) <paramref name="to"/> as typed; a single quoted word loses its quotes.</summary>
    public string Text(int from, int? to = null)
    {
        var end = to ?? tokens.Count;
        if (from >= end)
        {
            return "";
        }

        if (end - from == 1 && tokens[from].Quoted)
        {
            return tokens[from].Value.Trim();
        }

        return text[tokens[from].Start..tokens[end - 1].End].Trim();
    }

    public CommandArgs Skip(int count) => new(text, tokens.Skip(count).ToArray());

    /// <summary><c>&lt;@U123&gt;</c>, <c>&lt;@U123|Bob Smith&gt;</c>, <c>@bob</c>, <c>me</c>; null for anything else.</summary>
    public static UserArg? User(CommandToken token)
    {
        if (token.Quoted)
        {
            return null;
        }

        var v = token.Value;
        if (v.Equals("me", StringComparison.OrdinalIgnoreCase) || v.Equals("@me", StringComparison.OrdinalIgnoreCase))
        {
            return UserArg.Me;
        }

        var mention = MentionPattern().Match(v);
        if (mention.Success)
        {
            var name = mention.Groups["name"].Success ? mention.Groups["name"].Value.Trim() : "";
            return new UserArg(mention.Groups["id"].Value, name.Length == 0 ? null : InvisibleCharacters.Strip(name));
        }

        var handle = HandlePattern().Match(v);
        return handle.Success ? new UserArg(handle.Groups["id"].Value, null) { IsHandle = true } : null;
    }

    /// <summary>A role name: one word of letters, digits, <c>-</c> or <c>_</c>, starting with a letter; lower-cased.</summary>
    public static string? Role(CommandToken token) =>
        !token.Quoted && RolePattern().IsMatch(token.Value) ? token.Value.ToLowerInvariant() : null;

    /// <summary>
    /// A severity as one word: <c>2</c>, <c>sev2</c>, <c>SEV-2</c> or <c>P2</c>; null otherwise. Any level is returned,
    /// <c>sev9</c> and <c>P0</c> too: the decider checks it against the configured severities and names the valid ones,
    /// so a severity out of range is refused instead of being read as text.
    /// </summary>
    public static int? Severity(CommandToken token)
    {
        var m = token.Quoted ? null : SeverityPattern().Match(token.Value);
        return m is { Success: true } ? int.Parse(m.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Like <see cref="Severity"/>, but only the prefixed forms (<c>sev2</c>, <c>SEV-2</c>, <c>P2</c>): a bare number in a title is a number.</summary>
    public static int? SeverityWord(CommandToken token) =>
        !token.Quoted && !IsDigits(token) ? Severity(token) : null;

    /// <summary>The word <c>sev</c> (or <c>severity</c>) on its own, as in <c>sev 1</c>.</summary>
    public static bool IsSeverityPrefix(CommandToken token) =>
        !token.Quoted && (token.Value.Equals("sev", StringComparison.OrdinalIgnoreCase) || token.Value.Equals("severity", StringComparison.OrdinalIgnoreCase));

    /// <summary>A positive whole number (an optional leading <c>#</c>), at most nine digits.</summary>
    public static int? Number(CommandToken token)
    {
        var v = token.Quoted ? "" : token.Value.TrimStart('#');
        return v.Length is > 0 and <= 9 && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
    }

    public static bool IsDigits(CommandToken token) => !token.Quoted && token.Value.Length > 0 && token.Value.All(char.IsAsciiDigit);

    [GeneratedRegex(@"^<@(?<id>[^\s|<>@]+)(\|(?<name>[^<>]*))?>$")]
    private static partial Regex MentionPattern();

    [GeneratedRegex(@"^@(?<id>[\p{L}\p{N}][\p{L}\p{N}._\-']*)$")]
    private static partial Regex HandlePattern();

    [GeneratedRegex(@"^\p{L}[\p{L}\p{N}_\-]{0,39}$")]
    private static partial Regex RolePattern();

    [GeneratedRegex(@"^(sev-?|p)?(?<n>[0-9]{1,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex SeverityPattern();
}
