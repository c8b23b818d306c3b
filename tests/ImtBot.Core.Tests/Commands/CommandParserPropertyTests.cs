using CsCheck;
using ImtBot.Core.Commands;

namespace ImtBot.Core.Tests.Commands;

/// <summary>The parser never throws: any text gives either a command or a usage message.</summary>
public class CommandParserPropertyTests
{
    private static readonly string[] Words =
    [
        "INC-42", "inc-7", "42", "#7", "0", "-1", "99999999999", "INC-", "me", "ME", "@bob", "@", "@me", "<@U1>", "<@U1|Bob Smith>",
        "<@", "<@|>", "<@U1|", ">", "\"", "'", "“", "”", "\"two words\"", "'x", "x'", "due", "2026-12-01", "2026-13-45", "2026-1-1",
        "done", "release", "drill", "sev", "sev2", "SEV-1", "sev5", "1", "4", "5", "ops", "commander", "Ünïcödé", "🔥", "支付",
        "\u200b", "\u00a0", "\\", "|", "/incident", "help", "", "\t", "\n",
    ];

    private static readonly Gen<string> AnyText = Gen.String;

    private static readonly Gen<string> NastyText = Gen.OneOf(
            Gen.Char, Gen.Char["\"'“”‘’<>@|#- \t\n0123456789INCinc/\u200b\u00a0"], Gen.Const('\uD83D'), Gen.Const('\uDD25'))
        .Array[0, 60]
        .Select(chars => new string(chars));

    private static readonly Gen<string> CommandLike = Gen.Select(
        Gen.OneOf([.. CommandTable.Verbs, "sev1", "SEV4", "/incident declare", "Declare", "ACK", "nope"]),
        Gen.OneOf(Words).Array[0, 8],
        Gen.OneOf(" ", "  ", "\t", "\n", " \u00a0"),
        (verb, words, space) => verb + space + string.Join(space, words));

    [Fact]
    public void Parse_RandomStrings_CommandOrUsage() => AnyText.Sample(AssertCommandOrUsage, iter: 20_000);

    [Fact]
    public void Parse_RandomQuotesMentionsAndDigits_CommandOrUsage() => NastyText.Sample(AssertCommandOrUsage, iter: 10_000);

    [Fact]
    public void Parse_RandomTokensAfterRealVerbs_CommandOrUsage() => CommandLike.Sample(AssertCommandOrUsage, iter: 50_000);

    [Fact]
    public void Parse_RandomTokensAfterRealVerbs_IncidentIsPositive() =>
        CommandLike.Sample(text => CommandParser.Parse(text).Command is not { Incident: <= 0 }, iter: 20_000);

    private static void AssertCommandOrUsage(string text)
    {
        var result = CommandParser.Parse(text);

        if (result.Success)
        {
            Assert.NotNull(result.Command);
            Assert.Null(result.Usage);
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Usage), $"no usage for '{text}'");
        }
    }
}
