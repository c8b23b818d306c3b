using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Tests.Incidents;

public class PermissionTests
{
    public enum Who
    {
        Commander,
        Deputy,
        Admin,
        Other,
    }

    public enum What
    {
        Severity,
        Resolve,
        Close,
        Cancel,
        Reopen,
    }

    public static TheoryData<Who, What, bool> Table()
    {
        var data = new TheoryData<Who, What, bool>();
        foreach (var what in Enum.GetValues<What>())
        {
            data.Add(Who.Commander, what, true);
            data.Add(Who.Deputy, what, true);
            data.Add(Who.Admin, what, true);
            data.Add(Who.Other, what, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_GovernedCommand_FollowsThePermissionTable(Who who, What what, bool allowed)
    {
        var s = Scenario.Declared();
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        s.Ok(People.Bob, new RoleCommand("deputy", UserArg.Me));
        Prepare(s, what);
        var actor = who switch
        {
            Who.Commander => People.Alice,
            Who.Deputy => People.Bob,
            Who.Admin => People.Admin,
            _ => People.Carol,
        };

        if (allowed)
        {
            s.Ok(actor, CommandFor(what));
        }
        else
        {
            var d = s.No(actor, CommandFor(what));
            Assert.Contains("@Alice (commander)", d.Reply, StringComparison.Ordinal);
            Assert.Contains("@Bob (deputy)", d.Reply, StringComparison.Ordinal);
            Assert.Contains("/incident handover", d.Reply, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(What.Severity)]
    [InlineData(What.Resolve)]
    [InlineData(What.Close)]
    [InlineData(What.Cancel)]
    [InlineData(What.Reopen)]
    public void Decide_NoCommander_AnyoneMayGovern(What what)
    {
        var s = Scenario.Declared();
        Prepare(s, what);

        s.Ok(People.Carol, CommandFor(what));
    }

    [Fact]
    public void Decide_AdminFromCurrentOptions_MayGovernToo()
    {
        var s = Scenario.Declared();
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        s.Options.Admins.Add("erin");

        s.Ok(People.Erin, new SeverityCommand(1, "worse"));
    }

    [Fact]
    public void Decide_AnyoneMayNotePageUpdateAndAddActions()
    {
        var s = Scenario.Declared();
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));

        s.Ok(People.Carol, new NoteCommand("n"));
        s.Ok(People.Carol, new UpdateCommand("u"));
        s.Ok(People.Carol, new ActionCommand("a", null, null));
        s.Ok(People.Carol, new PageCommand(null, People.Arg(People.Dave), null));
        s.Ok(People.Carol, new TransitionCommand(IncidentStatus.Mitigated, null));
    }

    [Fact]
    public void Decide_OtherTakesHeldLead_Rejected()
    {
        var s = Scenario.Declared();
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));

        s.No(People.Carol, new RoleCommand("commander", UserArg.Me));
        s.Ok(People.Admin, new RoleCommand("commander", UserArg.Me));

        Assert.Equal(People.Admin, s.Live.Commander);
    }

    private static void Prepare(Scenario s, What what)
    {
        var governor = s.Live.Commander ?? People.Alice;
        switch (what)
        {
            case What.Close:
            case What.Reopen:
                s.Ok(governor, new TransitionCommand(IncidentStatus.Resolved, null));
                break;
            case What.Cancel:
                s.Ok(People.Carol, new TransitionCommand(IncidentStatus.Investigating, null));
                break;
        }
    }

    private static Command CommandFor(What what) => what switch
    {
        What.Severity => new SeverityCommand(1, "customers affected"),
        What.Resolve => new TransitionCommand(IncidentStatus.Resolved, null),
        What.Close => new CloseCommand(),
        What.Cancel => new CancelCommand("false alarm"),
        _ => new ReopenCommand(null),
    };

    [Fact]
    public void MayGovern_SnapshottedAdmin_EvenAfterConfigChanges()
    {
        var s = Scenario.Declared();
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        s.Options.Admins.Clear();

        Assert.True(IncidentDecider.MayGovern(s.Live, People.Admin, s.Options));
        Assert.False(IncidentDecider.MayGovern(s.Live, new UserRef(PlatformNames.Console, "x", "X"), s.Options));
    }
}
