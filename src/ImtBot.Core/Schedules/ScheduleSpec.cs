using System.Globalization;
using ImtBot.Core.Compliance;

namespace ImtBot.Core.Schedules;

/// <summary>
/// When a host-level job runs: <c>&lt;day&gt; &lt;HH:mm&gt; [&lt;IANA time zone&gt;]</c> every week (<c>Monday 09:00 Europe/Berlin</c>),
/// or with <c>first</c> in front on the first such day of each month (<c>first Monday 09:30 UTC</c>). The time is wall-clock
/// time in the zone, so a 09:00 digest stays at 09:00 across daylight-saving changes. Pure: no clock is read here.
/// </summary>
public sealed record ScheduleSpec(bool Monthly, DayOfWeek Day, TimeOnly Time, TimeZoneInfo Zone, string Text)
{
    public const string Example = "Monday 09:00 UTC";

    private static readonly string[] Days = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    /// <summary>Parses a schedule; on failure <paramref name="error"/> says what was wrong and what would work.</summary>
    public static bool TryParse(string? text, out ScheduleSpec? spec, out string error)
    {
        spec = null;
        error = "";
        var words = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        var monthly = words.Count > 0 && words[0].Equals("first", StringComparison.OrdinalIgnoreCase);
        if (monthly)
        {
            words.RemoveAt(0);
        }

        if (words.Count is < 2 or > 3)
        {
            error = $"\"{text}\" is not a schedule: write a day, a time and optionally a time zone, e.g. \"{Example}\" (weekly) or \"first Monday 09:30 Europe/Berlin\" (monthly)";
            return false;
        }

        var day = Array.FindIndex(Days, d => d.Equals(words[0], StringComparison.OrdinalIgnoreCase) || (words[0].Length >= 3 && d.StartsWith(words[0], StringComparison.OrdinalIgnoreCase)));
        if (day < 0)
        {
            error = $"\"{words[0]}\" in \"{text}\" is not a day of the week; use Monday … Sunday (or Mon … Sun)";
            return false;
        }

        if (!TimeOnly.TryParseExact(words[1], ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            error = $"\"{words[1]}\" in \"{text}\" is not a time of day; use 24-hour HH:mm, e.g. 09:00";
            return false;
        }

        var zone = BusinessCalendar.FindZone(words.Count == 3 ? words[2] : "UTC");
        if (zone is null)
        {
            error = $"\"{words[2]}\" in \"{text}\" is not a time zone this machine knows; use an IANA id such as Europe/Brussels or UTC";
            return false;
        }

        spec = new ScheduleSpec(monthly, (DayOfWeek)day, time, zone, string.Join(' ', (monthly ? ["first"] : Array.Empty<string>()).Concat(words)));
        return true;
    }

    /// <summary>The latest run at or before <paramref name="now"/>.</summary>
    public DateTimeOffset Latest(DateTimeOffset now) => Runs(now).Where(r => r <= now).Max();

    /// <summary>The first run after <paramref name="now"/>.</summary>
    public DateTimeOffset Next(DateTimeOffset now) => Runs(now).Where(r => r > now).Min();

    /// <summary>Every run within about six weeks either side of <paramref name="around"/> (enough for a monthly schedule).</summary>
    private IEnumerable<DateTimeOffset> Runs(DateTimeOffset around)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(around, Zone).DateTime);
        for (var d = today.AddDays(-45); d <= today.AddDays(45); d = d.AddDays(1))
        {
            if (d.DayOfWeek == Day && (!Monthly || d.Day <= 7))
            {
                yield return ToUtc(d.ToDateTime(Time));
            }
        }
    }

    /// <summary>The wall-clock time in the zone as an instant; a time skipped by a daylight-saving change runs an hour later.</summary>
    private DateTimeOffset ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }

    public override string ToString() => Text;
}
