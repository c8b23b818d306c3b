using ImtBot.Core.Reviews;

namespace ImtBot.Core.Tests.Reviews;

public class MarkdownTextTests
{
    [Fact]
    public void Escape_PlainText_IsTheSameString()
    {
        var text = "Checked replica lag on db-3: 120 ms behind; rolling back deploy 1042 (5% of traffic).";

        Assert.Same(text, MarkdownText.Escape(text));
        Assert.Same(text, MarkdownText.Inline(text));
    }

    [Theory]
    [InlineData("a*b", "a\\*b")]
    [InlineData("snake_case", "snake\\_case")]
    [InlineData("[link](x)", "\\[link\\](x)")]
    [InlineData("a | b", "a \\| b")]
    [InlineData("`code`", "\\`code\\`")]
    [InlineData("<b>", "\\<b>")]
    [InlineData("back\\slash", "back\\\\slash")]
    [InlineData("~~gone~~", "\\~\\~gone\\~\\~")]
    [InlineData("~40%", "~40%")]
    [InlineData("# heading", "\\# heading")]
    [InlineData("a > 5%", "a > 5%")]
    [InlineData("line\n> quote", "line\n\\> quote")]
    public void Escape_FormattingCharacters_AreEscaped(string text, string expected) =>
        Assert.Equal(expected, MarkdownText.Escape(text));

    [Fact]
    public void Inline_LineBreaks_BecomeSpaces() =>
        Assert.Equal("one two\\* three", MarkdownText.Inline("one\r\ntwo*\u2028three"));
}
