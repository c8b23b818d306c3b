namespace ImtBot.Core.Compliance;

/// <summary>
/// The time zone and holidays a regime counts days in. Calendar days and months keep the local wall-clock time across
/// a daylight-saving change; business days skip Saturdays, Sundays and the holidays and end at local midnight.
/// </summary>
public sealed class BusinessCalendar
{
    public BusinessCalendar(TimeZoneInfo zone, IEnumerable<DateOnly>? holidays = null)
    {
        Zone = zone;
        Holidays = (holidays ?? []).ToHashSet();
    }

    public static BusinessCalendar Utc { get; } = new(TimeZoneInfo.Utc);

    public TimeZoneInfo Zone { get; }

    public IReadOnlySet<DateOnly> Holidays { get; }

    /// <summary>The zone with this IANA (or Windows) id, or null when the system does not know it.</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || string.Equals(id, "UTC", StringComparison.OrdinalIgnoreCase))
        {
            return TimeZoneInfo.Utc;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }

    public bool IsBusinessDay(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !Holidays.Contains(day);

    public DateTime ToLocal(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).DateTime;

    /// <summary>
    /// The instant a local wall-clock time names. A time that occurs twice (clocks going back) takes the earlier
    /// instant, so a deadline is never later than the rule allows; a time that does not exist (clocks going forward)
    /// is read with the standard offset, i.e. just after the jump.
    /// </summary>
    public DateTimeOffset ToInstant(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsAmbiguousTime(local))
        {
            var offset = Zone.GetAmbiguousTimeOffsets(local).Max();
            return new DateTimeOffset(local, offset).ToUniversalTime();
        }

        if (Zone.IsInvalidTime(local))
        {
            return new DateTimeOffset(local, Zone.BaseUtcOffset).ToUniversalTime();
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
