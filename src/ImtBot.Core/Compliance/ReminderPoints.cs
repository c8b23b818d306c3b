using System.Globalization;

namespace ImtBot.Core.Compliance;

/// <summary>
/// A configured reminder point: a share of the time allowed (<c>50%</c>: half-time) or a time before the deadline
/// (<c>4h</c>, <c>30min</c>). <see cref="At"/> gives the instant for one clock, or null when it falls before the clock started.
/// </summary>
public readonly record struct ReminderPoints(double? Share, TimeSpan? Before)
{
    public static bool TryParse(string? text, out ReminderPoints point)
    {
        point = default;
        var t = text?.Trim() ?? "";
        if (t.EndsWith('%') && double.TryParse(t[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) && percent is > 0 and < 100)
        {
            point = new ReminderPoints(percent / 100, null);
            return true;
        }

        if (Period.TryParse(t, out var period) && period.Unit is PeriodUnit.Minutes or PeriodUnit.Hours)
        {
            point = new ReminderPoints(null, period.Unit == PeriodUnit.Minutes ? TimeSpan.FromMinutes(period.Amount) : TimeSpan.FromHours(period.Amount));
            return true;
        }

        return false;
    }

    public DateTimeOffset? At(DateTimeOffset started, DateTimeOffset deadline)
    {
        var at = Share is { } share ? started + ((deadline - started) * share) : deadline - Before!.Value;
        return at > started && at < deadline ? at : null;
    }
}
