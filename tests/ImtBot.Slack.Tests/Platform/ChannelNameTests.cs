using System.Text.RegularExpressions;
using ImtBot.Slack.Platform;

namespace ImtBot.Slack.Tests.Platform;

/// <summary>docs/reliability.md §Channel names: a valid, unique channel name from any title.</summary>
public sealed class ChannelNameTests
{
    private static readonly Regex Valid = new("^[a-z0-9_-]{1,80}$");

    public static TheoryData<string> Titles() => new()
    {
        "Checkout is failing",
        "Zero\u200Bwidth\u200Djoiner\u200Cspace\uFEFF",
        "\u202Eevil RTL override\u202C and \u200Fmarks\u200E",
        "مرحبا بالعالم",
        new string('x', 500),
        string.Join(' ', Enumerable.Repeat("word", 125)),
        "😀🔥💥",
        "Ünïcödé Çafé — naïve résumé",
        "   ---___!!!   ",
        "<!channel> DROP TABLE incidents; --",
        "\ud800 lone surrogate",
        "",
    };

    [Theory]
    [MemberData(nameof(Titles))]
    public void For_AnyTitle_IsValidSlackName(string title)
    {
        var name = ChannelName.For(42, title);
        Assert.Matches(Valid, name);
        Assert.StartsWith("inc-42", name);
        Assert.DoesNotContain("--", name);
        Assert.False(name.EndsWith('-'));
    }

    [Theory]
    [MemberData(nameof(Titles))]
    public void For_WithSuffix_StaysWithinEightyCharacters(string title)
    {
        var name = ChannelName.For(123456789, title, suffix: 20);
        Assert.Matches(Valid, name);
        Assert.EndsWith("-20", name);
    }

    [Fact]
    public void For_PlainTitle_IsReadableSlug() =>
        Assert.Equal("inc-7-checkout-is-failing-for-eu-users", ChannelName.For(7, "Checkout is failing for EU users!"));

    [Fact]
    public void For_Accents_AreFolded() => Assert.Equal("inc-3-cafe-resume", ChannelName.For(3, "Café Résumé"));

    [Fact]
    public void For_TitleWithoutLatinLetters_IsNumberOnly() => Assert.Equal("inc-9", ChannelName.For(9, "😀 مرحبا"));

    [Fact]
    public void For_SameTitleDifferentIncidents_AreDistinct() =>
        Assert.NotEqual(ChannelName.For(1, "Database down"), ChannelName.For(11, "Database down"));

    [Fact]
    public void For_LongTitle_CutsOnWordBoundary()
    {
        var name = ChannelName.For(5, string.Join(' ', Enumerable.Repeat("database", 40)));
        Assert.True(name.Length <= 77);
        Assert.EndsWith("database", name);
    }

    // A drill's channel can never be mistaken for a real outage's.
    [Fact]
    public void For_Drill_StartsWithDrill() => Assert.Equal("drill-42-database-failover", ChannelName.For(42, "Database failover", drill: true));
}
