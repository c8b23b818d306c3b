using ImtBot.Core.Commands;

namespace ImtBot.Core.Tests.Commands;

public class CommandTableTests
{
    [Fact]
    public void Entries_EveryExample_Parses()
    {
        var failures = CommandTable.Entries
            .SelectMany(e => e.Examples.Select(x => (x, r: CommandParser.Parse(x))))
            .Where(p => !p.r.Success)
            .Select(p => $"{p.x}: {p.r.Usage}")
            .ToList();

        Assert.Empty(failures);
    }

    [Fact]
    public void Verbs_SameAsTheParserKnows()
    {
        Assert.Equal(CommandTable.Verbs.Order(), CommandParser.ParsedVerbs.Order());
    }

    [Fact]
    public void Entries_ExampleStartsWithItsVerb()
    {
        Assert.All(CommandTable.Entries, e =>
        {
            Assert.StartsWith(e.Verb, e.Syntax, StringComparison.Ordinal);
            Assert.NotEmpty(e.Examples);
            Assert.All(e.Examples, x => Assert.StartsWith(e.Verb, x, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Find_ActionVerb_HasBothForms()
    {
        Assert.Equal(["action <text> [@owner] [due <yyyy-mm-dd>]", "action done <n>", "action assign <n> <@user|me>", "action cancel <n> [reason]"],
            CommandTable.Find("ACTION").Select(e => e.Syntax));
        Assert.Empty(CommandTable.Find("nope"));
        Assert.Empty(CommandTable.Find(null));
    }
}
