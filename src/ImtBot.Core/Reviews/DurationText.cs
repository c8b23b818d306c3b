using System.Globalization;

namespace ImtBot.Core.Reviews;

/// <summary>Durations and times as the review writes them: <c>1h 2m 5s</c>, <c>2026-11-27 09:00:00</c> (UTC).</summary>
public static class DurationText
{
    /// <summary>Whole seconds (fractions dropped), from the largest non-zero unit down: <c>45s</c>, <c>2m 0s</c>, <c>1d 0h 3m 0s</c>.</summary>
    public static string Format(TimeSpan duration)
    {
        var negative = duration < TimeSpan.Zero;
        var total = (long)Math.Abs(Math.Truncate(duration.TotalSeconds));
        var (d, h, m, s) = (total / 86400, total / 3600 % 24, total / 60 % 60, total % 60);
        var text = d > 0 ? $"{d}d {h}h {m}m {s}s"
            : h > 0 ? $"{h}h {m}m {s}s"
            : m > 0 ? $"{m}m {s}s"
            : $"{s}s";
        return negative && total > 0 ? "-" + text : text;
    }

    public static string Format(TimeSpan? duration, string none = "—") => duration is { } d ? Format(d) : none;

    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss";

    /// <summary><c>2026-11-27 09:00:00</c>, in UTC, to the second.</summary>
    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture);

    /// <summary>Appends <see cref="Time(DateTimeOffset)"/> without a string of its own (a long timeline has thousands).</summary>
    public static System.Text.StringBuilder AppendTime(this System.Text.StringBuilder text, DateTimeOffset at)
    {
        Span<char> chars = stackalloc char[TimeFormat.Length];
        return at.UtcDateTime.TryFormat(chars, out var written, TimeFormat, CultureInfo.InvariantCulture)
            ? text.Append(chars[..written])
            : text.Append(Time(at));
    }

    public static string Time(DateTimeOffset? at, string none = "—") => at is { } t ? Time(t) : none;

    /// <summary><c>09:00:00</c>, in UTC.</summary>
    public static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
