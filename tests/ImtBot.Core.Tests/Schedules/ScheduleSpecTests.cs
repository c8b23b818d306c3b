using ImtBot.Core.Schedules;

namespace ImtBot.Core.Tests.Schedules;

public class ScheduleSpecTests
{
    private static ScheduleSpec Parse(string text)
    {
        Assert.True(ScheduleSpec.TryParse(text, out var spec, out var error), error);
        return spec!;
    }

    [Fact]
    public void Weekly_LatestAndNext_AroundTheTime()
    {
        var spec = Parse("Monday 09:00 UTC");
        var monday = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(monday, spec.Latest(monday));
        Assert.Equal(monday.AddDays(-7), spec.Latest(monday.AddTicks(-1)));
        Assert.Equal(monday, spec.Next(monday.AddTicks(-1)));
        Assert.Equal(monday.AddDays(7), spec.Next(monday));
    }

    [Fact]
    public void Zone_KeepsTheWallClockTimeAcrossDaylightSaving()
    {
        var spec = Parse("mon 09:00 Europe/Berlin");

        // Winter: UTC+1; summer: UTC+2.
        Assert.Equal(new DateTimeOffset(2026, 3, 23, 8, 0, 0, TimeSpan.Zero), spec.Next(new DateTimeOffset(2026, 3, 20, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 7, 0, 0, TimeSpan.Zero), spec.Next(new DateTimeOffset(2026, 3, 27, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Monthly_TheFirstSuchDayOfEachMonth()
    {
        var spec = Parse("first Monday 09:30");

        Assert.Equal(new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.Zero), spec.Next(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 9, 30, 0, TimeSpan.Zero), spec.Next(new DateTimeOffset(2026, 12, 7, 9, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 11, 2, 9, 30, 0, TimeSpan.Zero), spec.Latest(new DateTimeOffset(2026, 12, 7, 9, 29, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("Funday 09:00", "is not a day of the week")]
    [InlineData("Monday 9am", "is not a time of day")]
    [InlineData("Monday 09:00 Mars/Olympus", "is not a time zone")]
    [InlineData("weekly", "is not a schedule")]
    public void BadSchedule_SaysWhatWouldWork(string text, string expected)
    {
        Assert.False(ScheduleSpec.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
