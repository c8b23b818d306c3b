using System.Globalization;
using System.Text;

namespace ImtBot.Slack.Platform;

/// <summary>
/// Incident channel names: <c>inc-&lt;n&gt;-&lt;slug&gt;</c>, at most 80 characters of <c>a-z 0-9 - _</c> whatever the title
/// (accents folded, zero-width, RTL and emoji dropped, long titles cut on a word boundary) — RELIABILITY I5.
/// </summary>
public static class ChannelName
{
    public const int MaxLength = 80;

    /// <summary>Room kept for a <c>-NN</c> suffix when the name is taken by someone else's channel.</summary>
    private const int SuffixRoom = 3;

    public static string For(int incident, string? title, int suffix = 1)
    {
        var prefix = "inc-" + incident.ToString(CultureInfo.InvariantCulture);
        var tail = suffix > 1 ? "-" + suffix.ToString(CultureInfo.InvariantCulture) : "";
        var room = MaxLength - SuffixRoom - prefix.Length - 1;
        var slug = Slug(title ?? "", room);
        return (slug.Length == 0 ? prefix : prefix + "-" + slug) + tail;
    }

    /// <summary>Lowercase ASCII letters and digits joined by single hyphens, at most <paramref name="max"/> characters.</summary>
    public static string Slug(string title, int max)
    {
        var sb = new StringBuilder(Math.Min(title.Length, 256));
        var pendingHyphen = false;
        foreach (var c in Fold(title))
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingHyphen && sb.Length > 0)
                {
                    sb.Append('-');
                }

                pendingHyphen = false;
                sb.Append(c);
            }
            else if (IsSeparator(c))
            {
                pendingHyphen = true;
            }

            if (sb.Length >= max)
            {
                break;
            }
        }

        var slug = sb.Length > max ? sb.ToString(0, max) : sb.ToString();
        var lastHyphen = slug.LastIndexOf('-');
        if (sb.Length >= max && lastHyphen > max / 2)
        {
            slug = slug[..lastHyphen];
        }

        return slug.Trim('-');
    }

    /// <summary>ASCII for U+00C0…U+017F (Latin-1 Supplement and Latin Extended-A); normalization is unavailable with invariant globalization.</summary>
    private static readonly string[] LatinFolds = "a,a,a,a,a,a,ae,c,e,e,e,e,i,i,i,i,d,n,o,o,o,o,o,,o,u,u,u,u,y,th,ss,a,a,a,a,a,a,ae,c,e,e,e,e,i,i,i,i,d,n,o,o,o,o,o,,o,u,u,u,u,y,th,y,a,a,a,a,a,a,c,c,c,c,c,c,c,c,d,d,d,d,e,e,e,e,e,e,e,e,e,e,g,g,g,g,g,g,g,g,h,h,h,h,i,i,i,i,i,i,i,i,i,i,ij,ij,j,j,k,k,k,l,l,l,l,l,l,,,l,l,n,n,n,n,n,n,,,,o,o,o,o,o,o,oe,oe,r,r,r,r,r,r,s,s,s,s,s,s,s,s,t,t,t,t,t,t,u,u,u,u,u,u,u,u,u,u,u,u,w,w,y,y,y,z,z,z,z,z,z,s".Split(',');

    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c) || c == '-' || c == '_';

    private static IEnumerable<char> Fold(string title)
    {
        string decomposed;
        try
        {
            decomposed = title.Normalize(NormalizationForm.FormKD);
        }
        catch (ArgumentException)
        {
            decomposed = title; // invalid UTF-16 (a lone surrogate): fold what we can
        }

        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.Format or UnicodeCategory.Control)
            {
                continue; // accents, zero-width joiners/spaces, RTL/LTR marks, control characters
            }

            if (c is >= '\u00C0' and <= '\u017F')
            {
                foreach (var folded in LatinFolds[c - '\u00C0'])
                {
                    yield return folded;
                }

                continue;
            }

            yield return c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }
    }
}
