using System.Globalization;
using System.Text;

namespace ImtBot.Teams.Graph;

/// <summary>
/// The deterministic Teams channel name of an incident: <c>INC-42 Checkout failing</c>, within Teams' naming rules
/// (docs/protocols.md §Graph channels): at most 50 characters, none of <c>~ # % &amp; * { } + / \ : &lt; &gt; ? | ' " ,</c>,
/// no <c>..</c>, no control or invisible characters, no leading <c>_</c>/<c>.</c> and no trailing <c>.</c>. Graph
/// answers 400 to a name that breaks them. A suffix (<c>-2</c>, <c>-3</c>…) makes it unique when the name is taken.
/// </summary>
public static class ChannelName
{
    public const int MaxLength = 50;

    /// <summary>The characters Teams refuses anywhere in a channel name.</summary>
    public const string Forbidden = "~#%&*{}+/\\:<>?|'\",";

    /// <param name="drill">A drill's channel is <c>DRILL-42 …</c>, so nobody mistakes it for a real outage.</param>
    public static string For(int number, string title, int attempt = 1, bool drill = false)
    {
        var prefix = (drill ? "DRILL-" : "INC-") + number.ToString(CultureInfo.InvariantCulture);
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

    /// <summary>Whether Teams accepts <paramref name="name"/> as a channel name (what the fakes enforce too).</summary>
    public static bool IsValid(string name) =>
        name.Trim().Length > 0
        && name.Length <= MaxLength
        && !name.Any(c => Forbidden.Contains(c) || char.IsControl(c))
        && !name.Contains("..", StringComparison.Ordinal)
        && !name.StartsWith('_') && !name.StartsWith('.') && !name.EndsWith('.');

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
            else if (c == '.' && sb.Length > 0 && sb[^1] == '.')
            {
                // ".." is refused: a run of dots keeps one.
            }
            else
            {
                sb.Append(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }

        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('_', '.', ' ');
    }
}
