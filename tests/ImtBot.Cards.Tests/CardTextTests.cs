using ImtBot.Cards;
using ImtBot.Core.Platforms;

namespace ImtBot.Cards.Tests;

public sealed class CardTextTests
{
    [Fact]
    public void EscapeSlack_ControlCharacters_EscapesAmpersandFirst()
    {
        Assert.Equal("&lt;!channel&gt; &amp;lt; &amp; &lt;@U1&gt;", CardText.EscapeSlack("<!channel> &lt; & <@U1>"));
    }

    [Fact]
    public void Markup_Slack_NeutralisesMentionsAndLinks()
    {
        var text = CardText.Slack.Markup("<!here> see <https://evil.example|login>", 3000);

        Assert.DoesNotContain('<', text);
        Assert.DoesNotContain('>', text);
        Assert.Equal("&lt;!here&gt; see &lt;https://evil.example|login&gt;", text);
    }

    [Fact]
    public void Markup_Teams_KeepsTextAsTyped()
    {
        Assert.Equal("<!here> & \"x\"", CardText.Teams.Markup("<!here> & \"x\"", 100));
    }

    [Fact]
    public void Markup_TooLong_CutsWithEllipsisNeverInsideAnEntity()
    {
        var text = CardText.Slack.Markup("ab<<<<<<<<", 10);

        Assert.True(text.Length <= 10, text);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
        Assert.Equal("ab&lt;…", text);
    }

    [Fact]
    public void Plain_TooLong_NeverSplitsAnEmoji()
    {
        var text = CardText.Teams.Plain("🔥🔥🔥🔥", 6);

        Assert.Equal("🔥🔥…", text);
    }

    [Fact]
    public void User_SlackUserId_IsALiveMentionButAHostileDisplayNameIsText()
    {
        Assert.Equal("<@U024BE7LH>", CardText.Slack.User(new UserRef(PlatformNames.Slack, "U024BE7LH", "Bob")));
        Assert.Equal("&lt;!everyone&gt; Eve", CardText.Slack.User(new UserRef(PlatformNames.Slack, "<!everyone>", "<!everyone> Eve")));
        Assert.Equal("Bob", CardText.Teams.User(new UserRef(PlatformNames.Teams, "29:1", "Bob")));
    }

    [Fact]
    public void For_UnknownPlatform_Throws()
    {
        Assert.Same(CardText.Teams, CardText.For(PlatformNames.Console));
        Assert.Throws<ArgumentException>(() => CardText.For("irc"));
    }

    [Fact]
    public void Markup_Teams_DefusesDateAndTimeFunctions()
    {
        var text = CardText.Teams.Markup("at {{DATE(2026-01-01T00:00:00Z)}}", 100);

        Assert.DoesNotContain("{{", text, StringComparison.Ordinal);
        Assert.Equal("at {\u200B{DATE(2026-01-01T00:00:00Z)}}", text);
    }
}
