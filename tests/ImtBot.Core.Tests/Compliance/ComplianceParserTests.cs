using ImtBot.Core.Commands;

namespace ImtBot.Core.Tests.Compliance;

public class ComplianceParserTests
{
    [Fact]
    public void Regulated_WithAwarenessAndReason()
    {
        var c = Assert.IsType<RegulatedCommand>(CommandParser.Parse("regulated INC-4 GDPR aware 2026-11-27T08:30Z SOC alert at 08:30").Command);

        Assert.Equal(4, c.Incident);
        Assert.Equal("gdpr", c.Regime);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 30, 0, TimeSpan.Zero), c.AwareAt);
        Assert.Equal("SOC alert at 08:30", c.Reason);
    }

    [Fact]
    public void Regulated_DateAndTimeAsTwoWords_OrWithAnOffset()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 30, 0, TimeSpan.Zero), ((RegulatedCommand)CommandParser.Parse("regulated nis2 aware 2026-11-27 08:30 why").Command!).AwareAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 8, 30, 0, TimeSpan.Zero), ((RegulatedCommand)CommandParser.Parse("regulated nis2 aware 2026-11-27T09:30+01:00").Command!).AwareAt);
    }

    [Theory]
    [InlineData("regulated", "Name the regime")]
    [InlineData("regulated gdpr aware", "Give the awareness time")]
    [InlineData("regulated gdpr aware yesterday", "is not a time")]
    [InlineData("notregulated gdpr", "Say why")]
    [InlineData("classified minor", "Only `classified major")]
    [InlineData("notified gdpr notification", "reference")]
    [InlineData("compliance now", "takes no arguments")]
    public void Malformed_GivesUsage(string text, string problem)
    {
        var r = CommandParser.Parse(text);

        Assert.Null(r.Command);
        Assert.Contains(problem, r.Usage);
        Assert.Contains("Usage", r.Usage, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheOthers()
    {
        Assert.Equal(new NotRegulatedCommand("hipaa", "no health data"), CommandParser.Parse("notregulated hipaa no health data").Command);
        Assert.Equal(new ClassifiedCommand("clients down"), CommandParser.Parse("classified major clients down").Command);
        Assert.Equal(new MaterialCommand(null), CommandParser.Parse("material").Command);
        Assert.Equal(new NotifiedCommand("dora", "initial", "ECB-77", "via portal"), CommandParser.Parse("notified dora initial ECB-77 via portal").Command);
        Assert.IsType<ComplianceClocksCommand>(CommandParser.Parse("compliance").Command);
    }
}
