using ImtBot.Core.Commands;

namespace ImtBot.Core.Tests.Plans;

public class PlanCommandParserTests
{
    private static Command Parsed(string text) => CommandParser.Parse(text).Command ?? throw new InvalidOperationException(CommandParser.Parse(text).Usage);

    private static string Usage(string text) => Assert.IsType<string>(CommandParser.Parse(text).Usage);

    [Fact]
    public void Declare_TypeAtTheEnd_WithSeverityInAnyOrder()
    {
        Assert.Equal(new DeclareCommand("Customer data in a bucket", 1, false) { Type = "security-breach" }, Parsed("declare Customer data in a bucket sev1 type security-breach"));
        Assert.Equal(new DeclareCommand("Payments down", 2, true) { Type = "outage" }, Parsed("declare Payments down type Outage sev2 drill"));
        Assert.Null(((DeclareCommand)Parsed("declare Wrong type of cable sev3")).Type is { } t ? t : null);
    }

    [Fact]
    public void Type_Plan_AndTaskVerbs()
    {
        Assert.Equal(new TypeCommand("security-breach") { Incident = 42 }, Parsed("type INC-42 security-breach"));
        Assert.Equal(new PlanCommand(), Parsed("plan"));
        Assert.Equal(new TaskDoneCommand(3, null), Parsed("task done 3"));
        Assert.Equal(new TaskDoneCommand(2, "status page updated") { Incident = 42 }, Parsed("task INC-42 done 2 status page updated"));
        Assert.Equal(new TaskSkipCommand(4, "no customer data involved"), Parsed("task skip 4 no customer data involved"));
        Assert.Equal(new TaskAssignCommand(5, UserArg.Me), Parsed("task assign 5 me"));
        Assert.Equal(new TaskAddCommand("Check replica lag", UserArg.Me, 15), Parsed("task add Check replica lag me due 15m"));
        Assert.Equal(new TaskAddCommand("Tell the account team", null, null), Parsed("task add Tell the account team"));
        Assert.Equal(new TaskOverrideCommand("legal review later"), Parsed("task override legal review later"));
    }

    [Fact]
    public void Malformed_GiveTheUsage()
    {
        Assert.StartsWith("Skipping a task needs a reason.\nUsage: `task skip <n> <reason>`", Usage("task skip 4"), StringComparison.Ordinal);
        Assert.StartsWith("`soon` is not a duration", Usage("task add Do it due soon"), StringComparison.Ordinal);
        Assert.StartsWith("`finish` is not a task action", Usage("task finish 3"), StringComparison.Ordinal);
        Assert.StartsWith("A type is one word", Usage("type two words"), StringComparison.Ordinal);
        Assert.Contains("task done <n>", Usage("task done"), StringComparison.Ordinal);
    }
}
