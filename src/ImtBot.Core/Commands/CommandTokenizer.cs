using System.Text;

namespace ImtBot.Core.Commands;

/// <summary>
/// Splits command text into words. Double quotes (straight or smart) group words; a single quote groups only when it
/// opens a word and a closing one ends a word (so "we're" stays one word); <c>&lt;@ID|Display Name&gt;</c> is one word
/// even with spaces. An unclosed quote is kept as a literal character.
/// </summary>
internal static class CommandTokenizer
{
    /// <summary>Smart quotes to straight ones, zero-width and bidirectional controls removed (<see cref="InvisibleCharacters"/>), trimmed, a leading <c>/incident</c> dropped.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var s = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033':
                    s.Append('"');
                    break;
                case '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032':
                    s.Append('\'');
                    break;
                case var invisible when InvisibleCharacters.IsInvisible(invisible):
                    break;
                default:
                    s.Append(c);
                    break;
            }
        }

        var normal = s.ToString().Trim();
        const string prefix = "/incident";
        if (normal.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && (normal.Length == prefix.Length || char.IsWhiteSpace(normal[prefix.Length])))
        {
            normal = normal[prefix.Length..].TrimStart();
        }

        return normal;
    }

    public static List<CommandToken> Tokenize(string text)
    {
        // Where the next '>' and the next closing single quote are, from each position: one backward pass keeps
        // tokenizing linear however many unclosed "<@" or "'" the text holds.
        var nextGt = new int[text.Length + 1];
        var nextCloser = new int[text.Length + 1];
        nextGt[text.Length] = nextCloser[text.Length] = -1;
        for (var j = text.Length - 1; j >= 0; j--)
        {
            nextGt[j] = text[j] == '>' ? j : nextGt[j + 1];
            nextCloser[j] = text[j] == '\'' && (j + 1 == text.Length || char.IsWhiteSpace(text[j + 1])) ? j : nextCloser[j + 1];
        }

        var tokens = new List<CommandToken>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var token = ReadQuoted(text, i) ?? ReadSingleQuoted(text, i, nextCloser) ?? ReadMention(text, i, nextGt) ?? ReadWord(text, i);
            tokens.Add(token);
            i = token.End;
        }

        return tokens;
    }

    private static CommandToken? ReadQuoted(string text, int start)
    {
        if (text[start] != '"')
        {
            return null;
        }

        var close = text.IndexOf('"', start + 1);
        return close < 0 ? null : new CommandToken(text[(start + 1)..close], start, close + 1, Quoted: true);
    }

    private static CommandToken? ReadSingleQuoted(string text, int start, int[] nextCloser)
    {
        if (text[start] != '\'' || start + 1 >= text.Length)
        {
            return null;
        }

        var close = nextCloser[start + 1];
        return close < 0 ? null : new CommandToken(text[(start + 1)..close], start, close + 1, Quoted: true);
    }

    private static CommandToken? ReadMention(string text, int start, int[] nextGt)
    {
        if (start + 1 >= text.Length || text[start] != '<' || text[start + 1] != '@')
        {
            return null;
        }

        var close = nextGt[start + 2];
        return close < 0 ? null : new CommandToken(text[start..(close + 1)], start, close + 1, Quoted: false);
    }

    private static CommandToken ReadWord(string text, int start)
    {
        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return new CommandToken(text[start..end], start, end, Quoted: false);
    }
}
