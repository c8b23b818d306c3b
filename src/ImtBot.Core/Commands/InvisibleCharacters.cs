using System.Buffers;

namespace ImtBot.Core.Commands;

/// <summary>
/// Characters that reorder or hide text without being seen: the bidirectional controls (U+202A–U+202E, U+2066–U+2069,
/// U+200E, U+200F, U+061C) and the zero-width ones (U+200B–U+200D, U+2060, U+FEFF). In a title or a name they make a
/// card or the review show something other than what was typed ("right-to-left override" spoofing), so they are
/// removed where text enters the domain: when a command is parsed and when its actor is taken in.
/// </summary>
public static class InvisibleCharacters
{
    private static readonly SearchValues<char> Invisible = SearchValues.Create(
        "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C\u200B\u200C\u200D\u2060\uFEFF");

    public static bool IsInvisible(char c) => Invisible.Contains(c);

    /// <summary>The text without those characters; the same instance when it has none.</summary>
    public static string Strip(string text)
    {
        if (text.AsSpan().IndexOfAny(Invisible) < 0)
        {
            return text;
        }

        return string.Create(text.Length - Count(text), text, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
            {
                if (!Invisible.Contains(c))
                {
                    span[i++] = c;
                }
            }
        });
    }

    private static int Count(string text)
    {
        var n = 0;
        foreach (var c in text)
        {
            n += Invisible.Contains(c) ? 1 : 0;
        }

        return n;
    }
}
