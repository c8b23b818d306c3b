using System.Globalization;
using System.Text;

namespace ImtBot.Teams.Graph;

/// <summary>
/// The deterministic Teams channel name of an incident: <c>INC-42 Checkout failing</c>, at most 50 characters, without
/// <c># % &amp; * { } / \ : &lt; &gt; ? + | ' "</c>, control or invisible characters, and without a leading <c>_</c>/<c>.</c> or a
/// trailing <c>.</c>. A suffix (<c>-2</c>, <c>-3</c>…) makes it unique when the name is taken.
/// </summary>
public static class ChannelName
{
    public const int MaxLength = 50;
    private const string Forbidden = "#%&*{}/\\:<>?+|'\"";

    public static string For(int number, string title, int attempt = 1)
    {
        var prefix = "INC-" + number.ToString(CultureInfo.InvariantCulture);
        var suffix = attempt > 1 ? "-" + attempt.ToString(CultureInfo.InvariantCulture) : "";
        var clean = Clean(title);
        var room = MaxLength - prefix.Length - suffix.Length - 1;
        if (clean.Length > room)
        {
            clean = clean[..Math.Max(0, room)].TrimEnd(' ', '.', '-');
        }

        var name = clean.Length == 0 ? prefix : prefix + " " + clean;
        return (name + suffix).TrimEnd('.');
    }

    private static string Clean(string title)
    {
        var sb = new StringBuilder(title.Length);
        foreach (var c in title.Normalize(NormalizationForm.FormC))
        {
            var category = char.GetUnicodeCategory(c);
            if (Forbidden.Contains(c) || char.IsControl(c) || category is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
            {
                sb.Append(' ');
            }
            else
            {
                sb.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }

        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('_', '.', ' ');
    }
}
