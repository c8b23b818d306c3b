using System.Globalization;
using System.Text;

namespace ImtBot.Core.Platforms;

/// <summary>
/// Turns any title into a channel-name slug of <c>a-z 0-9 -</c>: letters lose their accents, everything else
/// (spaces, punctuation, zero-width and direction marks, emoji) becomes a single hyphen, trimmed to a length.
/// </summary>
public static class ChannelSlug
{
    public static string From(string? title, int maxLength)
    {
        var decomposed = (title ?? "").Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(Math.Min(decomposed.Length, maxLength + 1));
        foreach (var c in decomposed)
        {
            if (sb.Length >= maxLength)
            {
                break;
            }

            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = char.ToLowerInvariant(c);
            if (char.IsAsciiLetterOrDigit(lower))
            {
                sb.Append(lower);
            }
            else if (sb.Length > 0 && sb[^1] != '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString().Trim('-');
    }

    /// <summary><c>inc-42-checkout-failing</c>, at most <paramref name="maxLength"/> characters.</summary>
    public static string IncidentChannel(int number, string? title, int maxLength)
    {
        var prefix = "inc-" + number.ToString(CultureInfo.InvariantCulture);
        var slug = From(title, Math.Max(0, maxLength - prefix.Length - 1));
        return slug.Length == 0 ? prefix : prefix + "-" + slug;
    }
}
