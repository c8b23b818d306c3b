using ImtBot.Core.Platforms;

namespace ImtBot.Core.Tests.Platforms;

public class ChannelSlugTests
{
    [Theory]
    [InlineData("Checkout failing", "inc-7-checkout-failing")]
    [InlineData("Café down — ÉU", "inc-7-cafe-down-eu")]
    [InlineData("\u200Bzero\u200Dwidth \u202Ertl\u202C", "inc-7-zerowidth-rtl")]
    [InlineData("🔥🔥🔥", "inc-7")]
    [InlineData("bad \uD800 surrogate", "inc-7-bad-surrogate")]
    [InlineData("", "inc-7")]
    public void IncidentChannel_AnyTitle_ValidSlug(string title, string expected) =>
        Assert.Equal(expected, ChannelSlug.IncidentChannel(7, title, 60));

    [Fact]
    public void IncidentChannel_LongTitle_CutOnAWordWithinTheLimit()
    {
        var name = ChannelSlug.IncidentChannel(12, string.Join(' ', Enumerable.Repeat("payments", 100)), 60);

        Assert.True(name.Length <= 60, name);
        Assert.Matches("^inc-12(-payments)+$", name);
    }
}
