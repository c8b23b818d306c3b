using ImtBot.Teams.Graph;

namespace ImtBot.Teams.Tests.Graph;

public sealed class ChannelNameTests
{
    [Fact]
    public void For_PlainTitle_IsKeyAndTitle() => Assert.Equal("INC-42 Checkout failing", ChannelName.For(42, "Checkout failing"));

    [Fact]
    public void For_ForbiddenCharacters_AreRemoved()
    {
        var name = ChannelName.For(7, "DB #1 50% down & *slow* {eu/us\\ap}: <why>? a+b|c 'x' \"y\"");

        Assert.Equal("INC-7 DB 1 50 down slow eu us ap why a b c x y", name);
        Assert.DoesNotContain(name, c => "#%&*{}/\\:<>?+|'\"".Contains(c));
    }

    [Fact]
    public void For_LongTitle_IsCutTo50WithTheSuffixKept()
    {
        var name = ChannelName.For(123456, new string('a', 80), 3);

        Assert.Equal(50, name.Length);
        Assert.StartsWith("INC-123456 aaa", name, StringComparison.Ordinal);
        Assert.EndsWith("a-3", name, StringComparison.Ordinal);
    }

    [Fact]
    public void For_InvisibleAndLeadingTrailingDots_AreDropped()
    {
        Assert.Equal("INC-1 a b", ChannelName.For(1, "._a\u200Bb\u202E."));
    }

    [Fact]
    public void For_EmptyTitle_IsTheKey() => Assert.Equal("INC-9", ChannelName.For(9, " ?? "));

    [Fact]
    public void For_SecondAttempt_HasSuffix() => Assert.Equal("INC-42 Checkout-2", ChannelName.For(42, "Checkout", 2));

    [Fact]
    public void For_TildeCommaAndDoubleDots_AreRemoved()
    {
        var name = ChannelName.For(1, "calls drop ~ 50, then... more..");

        Assert.Equal("INC-1 calls drop 50 then. more", name);
        Assert.True(ChannelName.IsValid(name));
    }

    [Theory]
    [InlineData("INC-1 calls drop ~ 50")]
    [InlineData("INC-1 a, b")]
    [InlineData("INC-1 wait..")]
    [InlineData("INC-1 a..b")]
    [InlineData("_INC-1")]
    [InlineData(".INC-1")]
    [InlineData("INC-1 end.")]
    [InlineData("INC-1 aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void IsValid_NamesTeamsRefuses_AreInvalid(string name) => Assert.False(ChannelName.IsValid(name));

    [Theory]
    [InlineData("INC-1 calls drop 50")]
    [InlineData("INC-1 v1.2 rollout")]
    public void IsValid_OrdinaryNames_AreValid(string name) => Assert.True(ChannelName.IsValid(name));

    // A drill's channel can never be mistaken for a real outage's.
    [Fact]
    public void For_Drill_StartsWithDrill()
    {
        var name = ChannelName.For(42, "Database failover", drill: true);

        Assert.Equal("DRILL-42 Database failover", name);
        Assert.True(ChannelName.IsValid(name));
    }
}
