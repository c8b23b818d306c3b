using ImtBot.Slack.Formatting;

namespace ImtBot.Slack.Tests.Formatting;

/// <summary>docs/reliability.md §Mentions and escaping: typed control sequences never become live mentions.</summary>
public sealed class SlackTextTests
{
    [Theory]
    [InlineData("<!channel> db down", "&lt;!channel&gt; db down")]
    [InlineData("<!here>", "&lt;!here&gt;")]
    [InlineData("<!everyone>", "&lt;!everyone&gt;")]
    [InlineData("<!subteam^S1>", "&lt;!subteam^S1&gt;")]
    [InlineData("<@U1>", "&lt;@U1&gt;")]
    [InlineData("<https://evil|Status>", "&lt;https://evil|Status&gt;")]
    [InlineData("a & b", "a &amp; b")]
    [InlineData("&lt;!channel&gt;", "&amp;lt;!channel&amp;gt;")]
    [InlineData("*bold* _it_ `code`", "*bold* _it_ `code`")]
    public void Escape_ControlSequences_AreNeutralised(string input, string expected) =>
        Assert.Equal(expected, SlackText.Escape(input));

    [Theory]
    [InlineData("R&amp;D &lt;b&gt; down", "R&D <b> down")]
    [InlineData("page <@U1|bob> &amp;amp;", "page <@U1|bob> &amp;")]
    [InlineData("plain", "plain")]
    public void Unescape_SlackEntities_BecomeWhatWasTyped(string input, string expected) =>
        Assert.Equal(expected, SlackText.Unescape(input));

    [Theory]
    [InlineData("<!channel> & <@U1>")]
    [InlineData("&lt;already&gt; &amp;")]
    public void Unescape_OfEscape_RoundTrips(string text) => Assert.Equal(text, SlackText.Unescape(SlackText.Escape(text)));

    [Fact]
    public void Escape_Null_IsEmpty() => Assert.Equal("", SlackText.Escape(null));

    [Fact]
    public void Truncate_SurrogatePairAtCut_IsNotSplit()
    {
        var text = new string('a', 8) + "😀" + "tail";
        var cut = SlackText.Truncate(text, 10);
        Assert.True(cut.Length <= 10);
        Assert.False(char.IsHighSurrogate(cut[^2]));
        Assert.EndsWith("…", cut);
    }
}
