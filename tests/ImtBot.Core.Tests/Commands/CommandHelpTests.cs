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
    public void Text_UnknownVerb_PointsToHelp()
    {
        Assert.StartsWith("Unknown command `zap`: try `help`.", CommandHelp.Text("zap"));
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
