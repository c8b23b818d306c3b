using System.Buffers;
using System.Text;

namespace ImtBot.Core.Reviews;

/// <summary>User text made safe for Markdown: the characters that would format, link or break a table are escaped.</summary>
internal static class MarkdownText
{
    /// <summary>Every character that <see cref="Escape"/> may escape, or that starts a new line.</summary>
    private static readonly SearchValues<char> Special = SearchValues.Create("\\`*_[]<|~#>\r\n");

    /// <summary>One line (table cell, timeline entry): escaped, line breaks become spaces.</summary>
    public static string Inline(string? text) => Escape(text).ReplaceLineEndings(" ");

    /// <summary>A list item's text: escaped, later lines indented so they stay in the item.</summary>
    public static string Block(string? text) => Escape(text).ReplaceLineEndings("\n  ");

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        // Most text (a timeline line, a name) has nothing to escape: the same string, not a copy — a 10,000-event
        // review writes every line through here.
        if (!text.AsSpan().ContainsAny(Special))
        {
            return text;
        }

        var s = new StringBuilder(text.Length + 8);
        var lineStart = true;
        var tilde = text.Count(c => c == '~') > 1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];

            // '#' and '>' only make a heading or a quote at the start of a line, and '~' strikes through only in pairs;
            // otherwise they are left readable ("> 5%", "~40%"), since the console shows the Markdown as written.
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '|' || (c == '~' && tilde) || (c is '#' or '>' && lineStart))
            {
                s.Append('\\');
            }

            s.Append(c);
            lineStart = c is '\n' or '\r' || (lineStart && c is ' ' or '\t');
        }

        return s.ToString();
    }
}
