using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Paging;

namespace ImtBot.Core.Tests.Incidents;

public class RoleTests
{
    [Fact]
    public void Role_Me_HoldsAtOnce()
    {
        var s = Scenario.Declared();

        var d = s.Ok(People.Bob, new RoleCommand("lead", UserArg.Me));

        Assert.Equal(People.Bob, s.Live.Commander);
        Assert.Empty(Scenario.Of<SendPage>(d));
        Assert.Single(Scenario.Of<SyncIncidentCard>(d));
        Assert.Contains(d.Events, e => e is ParticipantJoined p && p.User.Equals(People.Bob));
    }

    [Fact]
    public void Role_SomeoneElse_PagesThem_HeldOnAcknowledge()
    {
        var s = Scenario.Declared();

        var d = s.Ok(People.Alice, new RoleCommand("ops", People.Arg(People.Bob)));
        Assert.Null(s.Live.Holder("ops"));
        var page = Assert.Single(Scenario.Of<SendPage>(d));
        Assert.Equal((People.Bob, "ops"), (page.To, page.Role));
        Assert.Equal(PagePurposes.Assign, s.Live.PurposeOf(page.PageId));
        Assert.Single(Scenario.Of<ScheduleTimer>(d), t => t.TimerKey == "page:" + page.PageId);

        var ack = s.Ok(People.Bob, new AckCommand());

        Assert.Equal(People.Bob, s.Live.Holder("ops"));
        Assert.Single(Scenario.EventsOf<RoleAssigned>(ack));
        Assert.Single(Scenario.Of<SyncIncidentCard>(ack));
    }

    [Fact]
    public void Role_AssignPageAcknowledged_ReplacesTheHolder()
    {
        var s = Scenario.Declared();
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        s.Ok(People.Carol, new RoleCommand("ops", UserArg.Me));
        s.Ok(People.Alice, new RoleCommand("ops", People.Arg(People.Bob)));

        var ack = s.Ok(People.Bob, new AckCommand());

        Assert.Equal(People.Carol, Assert.Single(Scenario.EventsOf<RoleReleased>(ack)).User);
        Assert.Equal(People.Bob, s.Live.Holder("ops"));
    }

    [Fact]
    public void Role_PlainRolePageAcknowledged_DoesNotTakeAHeldRole()
    {
        var s = Scenario.Declared();
        s.OnCall["ops"] = [People.Bob];
        s.Ok(People.Carol, new RoleCommand("ops", UserArg.Me));
        s.Ok(People.Alice, new PageCommand("ops", null, "need a second pair of hands"));

        var ack = s.Ok(People.Bob, new AckCommand());

        Assert.Empty(Scenario.EventsOf<RoleAssigned>(ack));
        Assert.Equal(People.Carol, s.Live.Holder("ops"));
    }

    [Fact]
    public void Role_TakeYourselfWhilePaged_AnswersYourPage()
    {
        var s = Scenario.Declared();
        s.Ok(People.Alice, new RoleCommand("ops", People.Arg(People.Bob)));

        var d = s.Ok(People.Bob, new RoleCommand("ops", UserArg.Me));

        Assert.Equal("p1", Assert.Single(Scenario.EventsOf<PageAcknowledged>(d)).PageId);
        Assert.Empty(s.Live.OpenPages);
    }

    [Theory]
    [InlineData("janitor")]
    [InlineData("")]
    public void Role_Unknown_RejectedListingRoles(string role)
    {
        var s = Scenario.Declared();

        var d = s.No(People.Alice, new RoleCommand(role, UserArg.Me));

        Assert.Contains("commander, deputy, comms, ops, scribe", d.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Role_AlreadyHeldByTarget_Rejected()
    {
        var s = Scenario.Declared();
        s.Ok(People.Bob, new RoleCommand("ops", UserArg.Me));

        s.No(People.Bob, new RoleCommand("ops", UserArg.Me));
    }

    [Fact]
    public void Role_HeldRoleReassignedByOther_RejectedButHolderMayPassItOn()
    {
        var s = Scenario.Declared();
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        s.Ok(People.Bob, new RoleCommand("ops", UserArg.Me));

        s.No(People.Carol, new RoleCommand("ops", UserArg.Me));
        s.Ok(People.Bob, new RoleCommand("ops", People.Arg(People.Carol)));
    }

    [Fact]
    public void Role_SamePersonPagedTwiceForTheSameRole_Rejected()
    {
        var s = Scenario.Declared();
        s.Ok(People.Alice, new RoleCommand("ops", People.Arg(People.Bob)));

        s.No(People.Alice, new RoleCommand("ops", People.Arg(People.Bob)));
    }

    [Fact]
    public void Page_Yourself_Rejected()
    {
        var s = Scenario.Declared();

        s.No(People.Alice, new PageCommand(null, People.Arg(People.Alice), null));
    }

    [Fact]
    public void Role_CommanderWhenTheLeadIsNamedOtherwise_MeansTheLead()
    {
        var s = new Scenario();
        s.Options.Roles = ["ic", "scribe"];
        s.Options.KeyRoles = ["ic"];
        s.Ok(People.Alice, new DeclareCommand("x", 2, false));

        s.Ok(People.Bob, new RoleCommand("commander", UserArg.Me));

        Assert.Equal(People.Bob, s.Live.Commander);
        Assert.Equal(People.Bob, s.Live.Holder("ic"));
    }

    [Fact]
    public void Page_OnCallListThatIsNotARole_AckDoesNotInventARole()
    {
        var s = Scenario.Declared();
        s.OnCall["database"] = [People.Bob];
        s.Ok(People.Alice, new PageCommand("database", null, null));

        var ack = s.Ok(People.Bob, new AckCommand());

        Assert.Empty(Scenario.EventsOf<RoleAssigned>(ack));
        Assert.DoesNotContain("database", s.Live.Roles.Keys);
    }
}
