using ImtBot.Core.Compliance;

namespace ImtBot.Core.Tests.Compliance;

public class ComplianceOptionsTests
{
    [Fact]
    public void Validate_Shipped_NoErrors()
    {
        var result = new ComplianceOptionsValidator().Validate(null, new ComplianceOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Shipped_AreTheFiveRegimesAsTheRulesStateThem()
    {
        var o = new ComplianceOptions();

        Assert.Equal(["dora", "gdpr", "hipaa", "nis2", "sec"], o.Enabled);
        Assert.Equal(["notification:72h:aware"], Stages(o, "gdpr"));
        Assert.Equal(["early-warning:24h:aware", "notification:72h:aware", "final:1mo:notification"], Stages(o, "nis2"));
        Assert.Equal(["initial:4h:classified:24h:aware", "intermediate:72h:initial", "final:1mo:intermediate"], Stages(o, "dora"));
        Assert.Equal(["8k:4bd:material"], Stages(o, "sec"));
        Assert.Equal(["notification:60d:aware"], Stages(o, "hipaa"));
        Assert.Equal("America/New_York", o.Definition("sec")!.TimeZone);
        Assert.Equal(["50%", "4h", "1h"], o.Reminders);
    }

    private static string[] Stages(ComplianceOptions o, string regime) =>
        o.Definition(regime)!.Stages.Select(s => string.Join(':', new[] { s.Id, s.Within, s.After, s.NotLaterThan, s.NotLaterThanAfter }.OfType<string>())).ToArray();

    [Fact]
    public void Validate_BadSettings_NamesEachOne()
    {
        var o = new ComplianceOptions { Reminders = ["half", "4h"], AnchorLog = " " };
        o.Regimes["gdpr"].Start = "breach";
        o.Regimes["gdpr"].TimeZone = "Mars/Olympus";
        o.Regimes["sec"].Holidays = ["2026-13-01"];
        o.Regimes["nis2"].Stages["final"].After = "nothing";
        o.Regimes["hipaa"].Stages["notification"].Within = "sixty days";
        o.Regimes["dora"].Stages["initial"].NotLaterThan = "soon";

        var errors = new ComplianceOptionsValidator().Validate(null, o).Failures!.ToList();

        Assert.Contains("Compliance:Regimes:gdpr:Start is \"breach\"; use aware, classified or material.", errors);
        Assert.Contains(errors, e => e.StartsWith("Compliance:Regimes:gdpr:TimeZone \"Mars/Olympus\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Compliance:Regimes:sec:Holidays has \"2026-13-01\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Compliance:Regimes:nis2:Stages:final:After is \"nothing\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Compliance:Regimes:hipaa:Stages:notification:Within", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Compliance:Regimes:dora:Stages:initial:NotLaterThan", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Compliance:Reminders has \"half\"", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Compliance:AnchorLog", StringComparison.Ordinal));
        Assert.Equal(8, errors.Count);
    }

    [Fact]
    public void DisabledRegime_IsNotFound()
    {
        var o = new ComplianceOptions();
        o.Regimes["hipaa"].Enabled = false;

        Assert.Null(o.Definition("hipaa"));
        Assert.DoesNotContain("hipaa", o.Enabled);
    }

    [Theory]
    [InlineData("50%", "2026-11-27T09:00Z", "2026-11-30T09:00Z", "2026-11-28T21:00Z")]
    [InlineData("4h", "2026-11-27T09:00Z", "2026-11-30T09:00Z", "2026-11-30T05:00Z")]
    [InlineData("4h", "2026-11-27T09:00Z", "2026-11-27T12:00Z", null)]
    public void ReminderPoint_At(string point, string started, string due, string? expected)
    {
        Assert.True(ReminderPoints.TryParse(point, out var p));

        var at = p.At(DateTimeOffset.Parse(started, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), at);
    }
}
