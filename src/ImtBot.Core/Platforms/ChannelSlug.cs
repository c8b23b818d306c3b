using System.Globalization;
using System.Text;

namespace ImtBot.Core.Platforms;

/// <summary>
/// Turns any title into a channel-name slug of <c>a-z 0-9 -</c>: accents folded, zero-width, direction marks, control
/// characters and emoji dropped, punctuation and spaces become single hyphens, long titles cut on a word boundary
/// (docs/reliability.md §Security, channel names). Shared by the Slack and console channel names.
/// </summary>
public static class ChannelSlug
{
    /// <summary><c>inc-42-checkout-failing</c> (<c>drill-42-…</c> for a drill), at most <paramref name="maxLength"/> characters.</summary>
    public static string IncidentChannel(int number, string? title, int maxLength, bool drill = false)
    {
        var prefix = (drill ? "drill-" : "inc-") + number.ToString(CultureInfo.InvariantCulture);
        var slug = Slug(title ?? "", Math.Max(0, maxLength - prefix.Length - 1));
        return slug.Length == 0 ? prefix : prefix + "-" + slug;
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
