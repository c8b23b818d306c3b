using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;

namespace ImtBot.Core.Tests.Commands;

public class CommandParserTests
{
    private static readonly UserArg Bob = new("U123", null);

    /// <summary>A bare <c>@name</c>: no platform resolved it (the service refuses it).</summary>
    private static UserArg Handle(string name) => new(name, null) { IsHandle = true };

    public static TheoryData<string, Command> Examples => new()
    {
        // declare: title quoted or not, trailing sev/drill in any order, empty title opens the form
        { "declare Checkout is failing", new DeclareCommand("Checkout is failing", null, false) },
        { "declare Checkout is failing sev2", new DeclareCommand("Checkout is failing", 2, false) },
        { "declare Payroll export leaked sev2 private", new DeclareCommand("Payroll export leaked", 2, false) { Private = true } },
        { "declare \"Private key in a repo\" private drill sev1", new DeclareCommand("Private key in a repo", 1, true) { Private = true } },
        { "declare \"Login slow\" sev3 drill", new DeclareCommand("Login slow", 3, true) },
        { "declare Login slow drill SEV1", new DeclareCommand("Login slow", 1, true) },
        { "declare Login slow sev-4", new DeclareCommand("Login slow", 4, false) },
        { "declare “Smart quoted title” sev1", new DeclareCommand("Smart quoted title", 1, false) },
        { "declare 'single quoted' sev2", new DeclareCommand("single quoted", 2, false) },
        { "declare we're down sev1", new DeclareCommand("we're down", 1, false) },
        { "declare 'it's down' sev1", new DeclareCommand("it's down", 1, false) },
        { "declare ‘smart single’ drill", new DeclareCommand("smart single", null, true) },
        { "declare sev1 is in the title sev2", new DeclareCommand("sev1 is in the title", 2, false) },
        { "declare \"drill\"", new DeclareCommand("drill", null, false) },
        { "declare 500 errors on checkout", new DeclareCommand("500 errors on checkout", null, false) },
        { "declare", new DeclareCommand("", null, false) },
        { "declare drill", new DeclareCommand("", null, true) },
        { "declare sev2", new DeclareCommand("", 2, false) },
        { "declare DB primary down sev 1", new DeclareCommand("DB primary down", 1, false) },
        { "declare DB primary down P1", new DeclareCommand("DB primary down", 1, false) },
        { "declare DB primary down sev-1", new DeclareCommand("DB primary down", 1, false) },
        { "declare DB primary down SEV1 drill", new DeclareCommand("DB primary down", 1, true) },
        { "declare DB primary down p4", new DeclareCommand("DB primary down", 4, false) },
        { "declare DB primary down sev9", new DeclareCommand("DB primary down", 9, false) },
        { "declare DB primary down sev 0", new DeclareCommand("DB primary down", 0, false) },
        { "declare DB primary down P7", new DeclareCommand("DB primary down", 7, false) },
        { "declare Upgrade to version 2", new DeclareCommand("Upgrade to version 2", null, false) },
        { "declare \"P1 queue stuck\"", new DeclareCommand("P1 queue stuck", null, false) },
        { "declare Pay\u202Ement\u2066 is down", new DeclareCommand("Payment is down", null, false) },
        { "declare 🔥 Zahlungen schlagen fehl — 支付失败 sev1", new DeclareCommand("🔥 Zahlungen schlagen fehl — 支付失败", 1, false) },
        { "  DECLARE    Too   many    spaces   sev2  ", new DeclareCommand("Too   many    spaces", 2, false) },
        { "/incident declare DB down", new DeclareCommand("DB down", null, false) },
        { "/INCIDENT   declare DB down", new DeclareCommand("DB down", null, false) },
        { "declare \"unclosed title sev1", new DeclareCommand("\"unclosed title", 1, false) },

        // role and lead
        { "role comms <@U123>", new RoleCommand("comms", Bob) },
        { "role comms <@U123|Bob Smith>", new RoleCommand("comms", new UserArg("U123", "Bob Smith")) },
        { "role Ops @bob", new RoleCommand("ops", Handle("bob")) },
        { "role ops me", new RoleCommand("ops", UserArg.Me) },
        { "role INC-42 scribe ME", new RoleCommand("scribe", UserArg.Me) { Incident = 42 } },
        { "role 42 scribe me", new RoleCommand("scribe", UserArg.Me) { Incident = 42 } },
        { "role comms <@29:1abc-def|Dana O'Neil>", new RoleCommand("comms", new UserArg("29:1abc-def", "Dana O'Neil")) },
        { "lead", new RoleCommand("commander", UserArg.Me) },
        { "Lead inc-7", new RoleCommand("commander", UserArg.Me) { Incident = 7 } },

        // page
        { "page ops", new PageCommand("ops", null, null) },
        { "page @carol can you look?", new PageCommand(null, Handle("carol"), "can you look?") },
        { "page <@U123> \"db is on fire\"", new PageCommand(null, Bob, "db is on fire") },
        { "page 42 ops please join", new PageCommand("ops", null, "please join") { Incident = 42 } },

        // ack, decline: with INC-42 or 42
        { "ack", new AckCommand() },
        { "ack INC-42", new AckCommand { Incident = 42 } },
        { "ack 42", new AckCommand { Incident = 42 } },
        { "ack #42", new AckCommand { Incident = 42 } },
        { "decline inc-3", new DeclineCommand { Incident = 3 } },

        // sev: level 1-4 or sevN, the reason required; a bare number before a level is the incident
        { "sev 1 all regions affected", new SeverityCommand(1, "all regions affected") },
        { "sev sev2 back to normal load", new SeverityCommand(2, "back to normal load") },
        { "sev2 back to normal load", new SeverityCommand(2, "back to normal load") },
        { "sev 42 3 contained", new SeverityCommand(3, "contained") { Incident = 42 } },
        { "sev INC-42 SEV3 contained", new SeverityCommand(3, "contained") { Incident = 42 } },
        { "SEV1 INC-9 everything", new SeverityCommand(1, "everything") { Incident = 9 } },
        { "sev-3 contained", new SeverityCommand(3, "contained") },
        { "sev P1 customers cannot pay", new SeverityCommand(1, "customers cannot pay") },
        { "sev sev 2 contained", new SeverityCommand(2, "contained") },
        { "sev 9 worse", new SeverityCommand(9, "worse") },
        { "sev9 worse", new SeverityCommand(9, "worse") },

        // a number right after the verb names the incident, for every verb that takes one (sev: see above)
        { "update Payments recovering", new UpdateCommand("Payments recovering") },
        { "update 3 regions down", new UpdateCommand("regions down") { Incident = 3 } },
        { "note 1 text", new NoteCommand("text") { Incident = 1 } },
        { "cancel 2 false alarm", new CancelCommand("false alarm") { Incident = 2 } },
        { "reopen 2 errors are back", new ReopenCommand("errors are back") { Incident = 2 } },
        { "update INC-3 regions down", new UpdateCommand("regions down") { Incident = 3 } },
        { "update \"quoted whole\"", new UpdateCommand("quoted whole") },
        { "update \"partly\" quoted", new UpdateCommand("\"partly\" quoted") },
        { "update line one\nline two", new UpdateCommand("line one\nline two") },
        { "note Rolled back <@U123>'s deploy", new NoteCommand("Rolled back <@U123>'s deploy") },
        { "note\u00a0non-breaking\u200b space", new NoteCommand("non-breaking space") },

        // lifecycle
        { "investigating", new TransitionCommand(IncidentStatus.Investigating, null) },
        { "identified bad config push", new TransitionCommand(IncidentStatus.Identified, "bad config push") },
        { "Mitigated INC-5", new TransitionCommand(IncidentStatus.Mitigated, null) { Incident = 5 } },
        { "resolved 42", new TransitionCommand(IncidentStatus.Resolved, null) { Incident = 42 } },
        { "resolved 42 nodes replaced", new TransitionCommand(IncidentStatus.Resolved, "nodes replaced") { Incident = 42 } },
        { "reopen", new ReopenCommand(null) },
        { "reopen errors are back", new ReopenCommand("errors are back") },
        { "cancel false alarm", new CancelCommand("false alarm") },
        { "close", new CloseCommand() },
        { "close 12", new CloseCommand { Incident = 12 } },

        // actions
        { "action Add an alert", new ActionCommand("Add an alert", null, null) },
        { "action Add an alert @dave", new ActionCommand("Add an alert", Handle("dave"), null) },
        { "action Add an alert <@U123|Bob> due 2026-12-15", new ActionCommand("Add an alert", new UserArg("U123", "Bob"), new DateOnly(2026, 12, 15)) },
        { "action Add an alert due 2026-12-15 @dave", new ActionCommand("Add an alert", Handle("dave"), new DateOnly(2026, 12, 15)) },
        { "action Review due process", new ActionCommand("Review due process", null, null) },
        { "action \"Fix @mentions in cards\" @dave", new ActionCommand("Fix @mentions in cards", Handle("dave"), null) },
        { "action 3 servers to patch", new ActionCommand("servers to patch", null, null) { Incident = 3 } },
        { "action done 2", new ActionDoneCommand(2) },
        { "action done #2", new ActionDoneCommand(2) },
        { "action 42 done 1", new ActionDoneCommand(1) { Incident = 42 } },

        // handover
        { "handover @erin DB failover done", new HandoverCommand(Handle("erin"), "DB failover done", false) },
        { "handover <@U123> watching lag release", new HandoverCommand(Bob, "watching lag", true) },
        { "handover INC-2 <@U123|Bob> \"all yours\" RELEASE", new HandoverCommand(new UserArg("U123", "Bob"), "all yours", true) { Incident = 2 } },

        // the rest
        { "status", new StatusCommand() },
        { "status 42", new StatusCommand { Incident = 42 } },
        { "list", new ListCommand() },
        { "review INC-1", new ReviewCommand { Incident = 1 } },
        { "timeline", new TimelineCommand() },
        { "help", new HelpCommand(null) },
        { "help Action", new HelpCommand("action") },
        { "drill database-failover", new DrillCommand("database-failover") },
        { "drill 42", new DrillCommand("42") },
        { "drill", new DrillCommand("") },
        { "drill ddos @carol", new DrillCommand("ddos") { Facilitator = new UserArg("carol", null) { IsHandle = true } } },
        { "drill pause", new DrillControlCommand("pause") },
        { "drill RESUME", new DrillControlCommand("resume") },
        { "drill end", new DrillControlCommand("end") },
        { "drill inject 3", new DrillControlCommand("inject", 3) },
        { "hotwash paging was slow", new HotwashCommand("paging was slow") },
        { "training", new TrainingCommand(null) },
        { "training me", new TrainingCommand(UserArg.Me) },
        { "snooze update", new SnoozeCommand("update", TimeSpan.FromMinutes(30)) },
        { "snooze update 15", new SnoozeCommand("update", TimeSpan.FromMinutes(15)) },
        { "snooze INC-4 roles 60", new SnoozeCommand("roles", TimeSpan.FromMinutes(60)) { Incident = 4 } },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void Parse_Example_GivesCommand(string text, Command expected)
    {
        var result = CommandParser.Parse(text);

        Assert.True(result.Success, $"'{text}' failed: {result.Usage}");
        Assert.Null(result.Usage);
        Assert.Equal(expected, result.Command);
    }

    public static TheoryData<string, string> Failures => new()
    {
        // text, a piece of the usage message it must show
        { "role comms", "role <role> <@user|me>" },
        { "role comms bob", "not a person" },
        { "role \"two words\" me", "not a role name" },
        { "role comms me extra", "role <role> <@user|me>" },
        { "page", "page <role|@user> [message]" },
        { "page #@!", "neither a role nor a person" },
        { "ack now please", "`ack` takes no arguments" },
        { "close INC-4 now", "close" },
        { "sev", "sev <1-4> <reason>" },
        { "sev worse", "`sev2` or `P2`" },
        { "sev 2", "needs a reason" },
        { "sev INC-42 2", "needs a reason" },
        { "sev1", "needs a reason" },
        { "update", "update <text>" },
        { "update INC-3", "update <text>" },
        { "update 3", "update <text>" },
        { "note   ", "note <text>" },
        { "note \"\"", "note <text>" },
        { "cancel", "cancel <reason>" },
        { "action", "action <text> [@owner] [due <yyyy-mm-dd>]" },
        { "action due 2026-01-01", "Describe the action" },
        { "action fix due 2026-13-01", "not a date" },
        { "action fix due 2026-1-1", "yyyy-mm-dd" },
        { "action done", "action done <n>" },
        { "action done two", "action done <n>" },
        { "action done 0", "action done <n>" },
        { "handover", "handover <@user> <summary> [release]" },
        { "handover erin stuff", "whom you hand over to" },
        { "handover @erin", "needs a summary" },
        { "handover @erin release", "needs a summary" },
        { "oncall ops", "oncall [<role> <@user>…]" },
        { "oncall ops @bob carol", "not a person" },
        { "drill inject", "drill inject 3" },
        { "drill inject two", "drill inject 3" },
        { "training @bob @carol", "Name one person" },
        { "snooze", "snooze <reminder> [minutes]" },
        { "snooze update 0", "1 to 1440" },
        { "snooze update 5000", "1 to 1440" },
        { "snooze update soon", "1 to 1440" },
        { "declare Outage sev1 sev2", "one severity" },
        { "declare DB P1 primary down", "`P1` looks like a severity" },
        { "declare DB sev 1 primary down", "`sev 1` looks like a severity" },
        { "declare DB primary down sev", "`sev` looks like a severity" },
        { "cancel 2", "`/incident cancel INC-2 <reason>`" },
        { "note INC-4", "`/incident note INC-4 <text>`" },
        { "list 42", "list" },
        { "help nonsense", "Unknown command `nonsense`" },
        { "frobnicate INC-4", "Unknown command `frobnicate`: try `help`" },
        { "\"declare\" x", "Unknown command" },
        { "", "No command given" },
        { "   \t ", "No command given" },
        { "/incident", "No command given" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Parse_Malformed_FailsWithUsage(string text, string expectedInUsage)
    {
        var result = CommandParser.Parse(text);

        Assert.False(result.Success);
        Assert.Null(result.Command);
        Assert.Contains(expectedInUsage, result.Usage);
    }

    [Fact]
    public void Parse_Null_FailsWithVerbList()
    {
        var result = CommandParser.Parse(null);

        Assert.False(result.Success);
        Assert.Contains("declare, role, lead", result.Usage);
    }

    [Fact]
    public void Parse_UnknownVerb_ListsEveryVerb()
    {
        var usage = CommandParser.Parse("hello").Usage!;

        Assert.All(CommandTable.Verbs, v => Assert.Contains(v, usage));
    }

    [Fact]
    public void Parse_OnCall_ReadsRoleAndUsersInOrder()
    {
        var show = Assert.IsType<OnCallCommand>(CommandParser.Parse("oncall").Command);
        var set = Assert.IsType<OnCallCommand>(CommandParser.Parse("oncall INC-3 ops <@U1|Ann> @bob me").Command);

        Assert.Null(show.Role);
        Assert.Empty(show.Users);
        Assert.Equal("ops", set.Role);
        Assert.Equal(3, set.Incident);
        Assert.Equal([new UserArg("U1", "Ann"), Handle("bob"), UserArg.Me], set.Users);
    }

    [Theory]
    [InlineData("note ", "<@ ")]
    [InlineData("note ", "'x ")]
    [InlineData("declare ", "\"")]
    public void Parse_HugeRepeatedOpeners_KeepsTheText(string verb, string piece)
    {
        var text = verb + string.Concat(Enumerable.Repeat(piece, 30_000)) + "end";

        var result = CommandParser.Parse(text);

        Assert.True(result.Success);
        Assert.EndsWith("end", result.Command switch { NoteCommand n => n.Text, DeclareCommand d => d.Title, _ => "" });
    }

    [Fact]
    public void Parse_VerbCase_DoesNotMatter()
    {
        Assert.Equal(CommandParser.Parse("ack INC-1"), CommandParser.Parse("AcK inc-1"));
    }
}
