using System.Globalization;
using System.Text.RegularExpressions;

namespace ImtBot.Core.Plans;

/// <summary>Durations as plan files write them: <c>15m</c>, <c>2h</c>, <c>1h30m</c>, <c>1d</c> (whole minutes, at most 30 days).</summary>
public static partial class PlanDuration
{
    public const int MaxMinutes = 30 * 24 * 60;

    [GeneratedRegex(@"^(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>The minutes, or null when the text is not a duration of at least a minute and at most 30 days.</summary>
    public static int? TryParseMinutes(string? text)
    {
        var t = text?.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal) ?? "";
        var m = Pattern().Match(t);
        if (t.Length == 0 || !m.Success)
        {
            return null;
        }

        long Part(int group) => m.Groups[group].Success && long.TryParse(m.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? Math.Min(v, int.MaxValue) : 0;
        var minutes = (Part(1) * 24 * 60) + (Part(2) * 60) + Part(3);
        return minutes is >= 1 and <= MaxMinutes ? (int)minutes : null;
    }
}
