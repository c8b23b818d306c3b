using ImtBot.Core.Commands;

namespace ImtBot.Core.Tests.Commands;

public class CommandHelpTests
{
    [Fact]
    public void Text_NoVerb_ListsEverySyntaxAndTheIncidentNote()
    {
        var text = CommandHelp.Text();

        Assert.All(CommandTable.Entries, e => Assert.Contains($"`{e.Syntax}` — {e.Description}", text));
        Assert.Contains(CommandHelp.IncidentNote, text);
    }

    [Fact]
    public void Text_Verb_ShowsItsUsagesAndExamples()
    {
        var text = CommandHelp.Text("Action");

        Assert.Contains("`action <text> [@owner] [due <yyyy-mm-dd>]`", text);
        Assert.Contains("`action done <n>`", text);
        Assert.Contains("e.g. `action done 2`", text);
        Assert.DoesNotContain("declare", text);
    }

    [Fact]
    public void MarkdownTable_OneRowPerEntry_PipesEscaped()
    {
        var lines = CommandHelp.MarkdownTable().TrimEnd('\n').Split('\n');

        Assert.Equal(CommandTable.Entries.Count + 2, lines.Length);
        Assert.Contains("| `page <role\\|@user> [message]` | Page someone in chat; they acknowledge or decline. | `page ops` |", lines);
    }

    [Fact]
    public void Text_UnknownVerb_PointsToHelp()
    {
        Assert.StartsWith("Unknown command `zap`: try `help`.", CommandHelp.Text("zap"));
    }

    [Theory]
    [InlineData("delcare", "declare")]
    [InlineData("resovled", "resolved")]
    [InlineData("HANDOVR", "handover")]
    [InlineData("acknowledge", null)]
    [InlineData("xyz", null)]
    public void UnknownVerb_Typo_SuggestsTheClosestVerb(string typed, string? suggested)
    {
        var text = CommandHelp.UnknownVerb(typed);

        if (suggested is null)
        {
            Assert.DoesNotContain("Did you mean", text);
        }
        else
        {
            Assert.Contains($"Did you mean `{suggested}`?", text);
        }
    }

    [Fact]
    public void Usage_FromParser_IsTheTableLine()
    {
        var spec = CommandTable.Find("sev")[0];

        Assert.EndsWith(CommandHelp.Usage(spec), CommandParser.Parse("sev").Usage);
    }

    [Fact]
    public void UnknownVerb_LongInput_IsShortened()
    {
        var text = CommandHelp.UnknownVerb(new string('x', 500));

        Assert.Contains(new string('x', 40) + "…", text);
        Assert.DoesNotContain(new string('x', 41), text);
    }
}
