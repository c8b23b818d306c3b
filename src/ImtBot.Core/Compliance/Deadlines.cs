namespace ImtBot.Core.Compliance;

/// <summary>
/// Pure deadline arithmetic. Minutes and hours are elapsed time (72 h is 72 hours whatever the clocks do); calendar
/// days and months land on the same local time in the regime's time zone; business days count from the day after
/// the start and end at the end (local midnight) of the last one, skipping weekends and holidays.
/// </summary>
public static class Deadlines
{
    public static DateTimeOffset Add(DateTimeOffset start, Period period, BusinessCalendar calendar)
    {
        start = start.ToUniversalTime();
        switch (period.Unit)
        {
            case PeriodUnit.Minutes:
                return start.AddMinutes(period.Amount);
            case PeriodUnit.Hours:
                return start.AddHours(period.Amount);
            case PeriodUnit.Days:
                return calendar.ToInstant(calendar.ToLocal(start).AddDays(period.Amount));
            case PeriodUnit.Months:
                return calendar.ToInstant(calendar.ToLocal(start).AddMonths(period.Amount));
            default:
                var day = DateOnly.FromDateTime(calendar.ToLocal(start));
                for (var counted = 0; counted < period.Amount;)
                {
                    day = day.AddDays(1);
                    if (calendar.IsBusinessDay(day))
                    {
                        counted++;
                    }
                }

                return calendar.ToInstant(day.AddDays(1).ToDateTime(TimeOnly.MinValue));
        }
    }

    /// <summary>
    /// A stage's deadline: its own limit from its start, capped by a second limit from another start when both are
    /// known (DORA: 4 h after classification but not later than 24 h after awareness). Null when neither start is known.
    /// </summary>
    public static DateTimeOffset? Of(DateTimeOffset? from, Period within, DateTimeOffset? capFrom, Period? cap, BusinessCalendar calendar)
    {
        DateTimeOffset? primary = from is { } f ? Add(f, within, calendar) : null;
        DateTimeOffset? capped = capFrom is { } c && cap is { } p ? Add(c, p, calendar) : null;
        return (primary, capped) switch
        {
            ({ } a, { } b) => a < b ? a : b,
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => null,
        };
    }
}
