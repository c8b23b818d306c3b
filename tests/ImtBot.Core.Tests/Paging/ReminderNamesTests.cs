using ImtBot.Core.Paging;
using ImtBot.Core.Tests.Incidents;

namespace ImtBot.Core.Tests.Paging;

public class ReminderNamesTests
{
    [Theory]
    [InlineData("commander", "commander")]
    [InlineData("Lead", "commander")]
    [InlineData("update", "update")]
    [InlineData("updates", "update")]
    [InlineData("ops", "role:ops")]
    [InlineData("role:comms", "role:comms")]
    [InlineData("reminder:update", "update")]
    [InlineData("reminder:role:ops", "role:ops")]
    [InlineData("roles", "role:comms,role:ops")]
    [InlineData("scribe", "")]
    [InlineData("coffee", "")]
    public void Resolve_TypedName_MeansTheseReminders(string typed, string expected)
    {
        var s = Scenario.Declared();

        Assert.Equal(expected, string.Join(',', ReminderNames.Resolve(s.Live, typed)));
    }

    [Fact]
    public void TimerKeys_RoundTrip()
    {
        Assert.True(TimerKeys.TryParsePage(TimerKeys.Page("p7"), out var page));
        Assert.Equal("p7", page);
        Assert.True(TimerKeys.TryParseReminder("reminder:role:ops", out var reminder));
        Assert.Equal("role:ops", reminder);
        Assert.False(TimerKeys.TryParsePage("page:", out _));
        Assert.False(TimerKeys.TryParseReminder("page:p1", out _));
    }
}
