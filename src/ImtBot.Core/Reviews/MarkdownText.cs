using System.Text;

namespace ImtBot.Core.Reviews;

/// <summary>User text made safe for Markdown: the characters that would format, link or break a table are escaped.</summary>
internal static class MarkdownText
{
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

        var s = new StringBuilder(text.Length + 8);
        var lineStart = true;
        foreach (var c in text)
        {
            // '#' only makes a heading at the start of a line; elsewhere it is left readable.
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '~' || (c == '#' && lineStart))
            {
                s.Append('\\');
            }

            s.Append(c);
            lineStart = c is '\n' or '\r' || (lineStart && c is ' ' or '\t');
        }

        return s.ToString();
    }
}
