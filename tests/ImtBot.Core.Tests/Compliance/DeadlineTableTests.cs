using System.Globalization;
using ImtBot.Core.Compliance;

namespace ImtBot.Core.Tests.Compliance;

/// <summary>The deadline of every shipped regime's every stage, computed from the shipped configuration.</summary>
public class DeadlineTableTests
{
    private static readonly ComplianceOptions Shipped = new();

    private static DateTimeOffset T(string utc) => DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>regime, stage, the known starts ("aware=…;classified=…;initial=…"), the expected deadline (UTC) or "-" for none.</summary>
    [Theory]
    // GDPR: 72 h after awareness, elapsed time.
    [InlineData("gdpr", "notification", "aware=2026-11-27T09:00Z", "2026-11-30T09:00Z")]
    // An awareness time set in the past: the clock runs from it, not from when it was recorded.
    [InlineData("gdpr", "notification", "aware=2026-11-25T22:15Z", "2026-11-28T22:15Z")]
    // NIS2: early warning 24 h, notification 72 h, final one month after the notification was submitted.
    [InlineData("nis2", "early-warning", "aware=2026-11-27T09:00Z", "2026-11-28T09:00Z")]
    [InlineData("nis2", "notification", "aware=2026-11-27T09:00Z", "2026-11-30T09:00Z")]
    [InlineData("nis2", "final", "aware=2026-11-27T09:00Z", "-")]
    [InlineData("nis2", "final", "aware=2026-11-27T09:00Z;notification=2026-11-29T10:00Z", "2026-12-29T10:00Z")]
    // Months are calendar months: 31 January + 1 month is 28 February.
    [InlineData("nis2", "final", "notification=2027-01-31T10:00Z", "2027-02-28T10:00Z")]
    // DORA: 4 h after classification when that comes first…
    [InlineData("dora", "initial", "aware=2026-11-27T09:00Z;classified=2026-11-27T12:00Z", "2026-11-27T16:00Z")]
    // …but not later than 24 h after awareness when that comes first.
    [InlineData("dora", "initial", "aware=2026-11-27T09:00Z;classified=2026-11-28T07:00Z", "2026-11-28T09:00Z")]
    // Before classification only the 24 h outer limit is known.
    [InlineData("dora", "initial", "aware=2026-11-27T09:00Z", "2026-11-28T09:00Z")]
    [InlineData("dora", "intermediate", "aware=2026-11-27T09:00Z;classified=2026-11-27T12:00Z;initial=2026-11-27T15:00Z", "2026-11-30T15:00Z")]
    [InlineData("dora", "final", "intermediate=2026-11-30T15:00Z", "2026-12-30T15:00Z")]
    // SEC: four business days in New York, ending at local midnight. Determined Monday 30 Nov → end of Friday 4 Dec (EST, UTC−5).
    [InlineData("sec", "8k", "material=2026-11-30T15:00Z", "2026-12-05T05:00Z")]
    // Over a weekend: determined Thursday 3 Dec → Fri, Mon, Tue, Wed → end of Wednesday 9 Dec.
    [InlineData("sec", "8k", "material=2026-12-03T15:00Z", "2026-12-10T05:00Z")]
    // Over a holiday: determined Tuesday 24 Nov → Wed 25, (Thanksgiving 26 skipped), Fri 27, Mon 30, Tue 1 Dec.
    [InlineData("sec", "8k", "material=2026-11-24T15:00Z", "2026-12-02T05:00Z")]
    // Over a weekend and a holiday: determined Wednesday 23 Dec → Thu 24, (Christmas 25, weekend) Mon 28, Tue 29, Wed 30.
    [InlineData("sec", "8k", "material=2026-12-23T20:00Z", "2026-12-31T05:00Z")]
    // The day is the New York day: 02:00 UTC on Tuesday 1 Dec is still Monday 30 Nov in New York.
    [InlineData("sec", "8k", "material=2026-12-01T02:00Z", "2026-12-05T05:00Z")]
    // Across the change to daylight saving time (8 March 2026): determined Thursday 5 March (EST) → end of Wednesday 11 March, midnight EDT (UTC−4).
    [InlineData("sec", "8k", "material=2026-03-05T15:00Z", "2026-03-12T04:00Z")]
    // HIPAA: 60 calendar days at the same New York wall-clock time…
    [InlineData("hipaa", "notification", "aware=2026-06-01T14:00Z", "2026-07-31T14:00Z")]
    // …across the end of daylight saving time (1 Nov 2026): 10:00 EDT becomes 10:00 EST, one hour later in UTC.
    [InlineData("hipaa", "notification", "aware=2026-10-01T14:00Z", "2026-11-30T15:00Z")]
    public void Deadline(string regime, string stage, string starts, string expected)
    {
        var definition = Shipped.Definition(regime)!;
        var known = starts.Split(';').Select(s => s.Split('=')).ToDictionary(p => p[0], p => T(p[1]));

        var due = StageDeadline.Of(definition, definition.Stage(stage)!, s => known.TryGetValue(s, out var at) ? at : null);

        Assert.Equal(expected == "-" ? null : T(expected), due?.Due);
    }

    [Fact]
    public void DoraInitial_SaysWhichLimitGoverns()
    {
        var dora = Shipped.Definition("dora")!;
        var aware = T("2026-11-27T09:00Z");

        var early = StageDeadline.Of(dora, dora.Stage("initial")!, s => s == "aware" ? aware : s == "classified" ? aware.AddHours(2) : null)!;
        var late = StageDeadline.Of(dora, dora.Stage("initial")!, s => s == "aware" ? aware : s == "classified" ? aware.AddHours(22) : null)!;

        Assert.Equal("4 h after classification as major", early.Basis);
        Assert.Equal("24 h after awareness", late.Basis);
    }

    [Theory]
    // A calendar-day deadline whose local time does not exist (clocks jump 02:00→03:00 on 8 March 2026 in New York) lands just after the jump.
    [InlineData("2026-01-07T07:30Z", "2026-03-08T07:30Z")]
    // One that exists twice (01:30 on 1 November 2026) takes the earlier instant (EDT).
    [InlineData("2026-09-02T05:30Z", "2026-11-01T05:30Z")]
    public void CalendarDays_InADaylightSavingGapOrOverlap(string start, string expected)
    {
        var calendar = new BusinessCalendar(BusinessCalendar.FindZone("America/New_York")!);

        Assert.Equal(T(expected), Deadlines.Add(T(start), new Period(60, PeriodUnit.Days), calendar));
    }

    [Fact]
    public void ShippedHolidays_AreWeekdays()
    {
        var days = ShippedRegimes.UsFederalHolidays.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture));

        Assert.All(days, d => Assert.True(d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday), $"{d} is a weekend day"));
    }

    [Theory]
    [InlineData("72h", 72, PeriodUnit.Hours)]
    [InlineData("30min", 30, PeriodUnit.Minutes)]
    [InlineData("60d", 60, PeriodUnit.Days)]
    [InlineData("4bd", 4, PeriodUnit.BusinessDays)]
    [InlineData("1mo", 1, PeriodUnit.Months)]
    public void Period_Parses(string text, int amount, PeriodUnit unit)
    {
        Assert.True(Period.TryParse(text, out var p));
        Assert.Equal(new Period(amount, unit), p);
        Assert.Equal(text, p.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("72")]
    [InlineData("-4h")]
    [InlineData("4 weeks")]
    [InlineData("0h")]
    public void Period_RejectsNonsense(string text) => Assert.False(Period.TryParse(text, out _));
}
