using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;

namespace ImtBot.Core.Tests.Incidents;

public class HandoverTests
{
    private static Scenario Commanded()
    {
        var s = Scenario.Declared();
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        return s;
    }

    [Fact]
    public void Handover_PagesNewCommander_OnAckOldBecomesDeputy()
    {
        var s = Commanded();

        var asked = s.Ok(People.Alice, new HandoverCommand(People.Arg(People.Bob), "DB failover done", false));
        var requested = Assert.Single(Scenario.EventsOf<HandoverRequested>(asked));
        Assert.Equal((People.Alice, People.Bob, false), (requested.From, requested.To, requested.Release));
        Assert.Equal(People.Bob, Assert.Single(Scenario.Of<SendPage>(asked)).To);
        Assert.Equal(People.Alice, s.Live.Commander);

        var ack = s.Ok(People.Bob, new AckCommand());

        Assert.Equal(People.Bob, s.Live.Commander);
        Assert.Equal(People.Alice, s.Live.Deputy);
        Assert.Single(Scenario.Of<SyncIncidentCard>(ack));
        Assert.Contains("deputy", Assert.Single(Scenario.Of<PostToChannel>(ack)).Text, StringComparison.Ordinal);
        Assert.Contains(ack.Events, e => e is RoleReleased { Role: "commander" } r && r.User.Equals(People.Alice));
    }

    [Fact]
    public void Handover_WithRelease_OldCommanderHoldsNothing()
    {
        var s = Commanded();
        s.Ok(People.Alice, new HandoverCommand(People.Arg(People.Bob), "all yours", true));

        s.Ok(People.Bob, new AckCommand());

        Assert.Equal(People.Bob, s.Live.Commander);
        Assert.Null(s.Live.Deputy);
        Assert.DoesNotContain(s.Live.Roles.Values, r => r.User.Equals(People.Alice));
    }

    [Fact]
    public void Handover_ToTheDeputy_DeputyBecomesCommanderAndOldCommanderDeputy()
    {
        var s = Commanded();
        s.Ok(People.Bob, new RoleCommand("deputy", UserArg.Me));
        s.Ok(People.Alice, new HandoverCommand(People.Arg(People.Bob), "swap", false));

        s.Ok(People.Bob, new AckCommand());

        Assert.Equal(People.Bob, s.Live.Commander);
        Assert.Equal(People.Alice, s.Live.Deputy);
    }

    [Fact]
    public void Handover_ExistingDeputyReplacedWithoutRelease()
    {
        var s = Commanded();
        s.Ok(People.Carol, new RoleCommand("deputy", UserArg.Me));
        s.Ok(People.Alice, new HandoverCommand(People.Arg(People.Bob), "swap", false));

        s.Ok(People.Bob, new AckCommand());

        Assert.Equal(People.Alice, s.Live.Deputy);
    }

    [Fact]
    public void Handover_Declined_CommandStays()
    {
        var s = Commanded();
        s.Ok(People.Alice, new HandoverCommand(People.Arg(People.Bob), "please", false));

        var d = s.Ok(People.Bob, new DeclineCommand());

        Assert.Equal(People.Alice, s.Live.Commander);
        Assert.Equal(People.Alice, Assert.Single(Scenario.Of<NotifyUser>(d)).To);
        Assert.Empty(Scenario.Of<SendPage>(d));
    }

    [Fact]
    public void Handover_Expired_CommandStays()
    {
        var s = Commanded();
        s.Ok(People.Alice, new HandoverCommand(People.Arg(People.Bob), "please", false));
        s.Advance(TimeSpan.FromMinutes(10));

        var d = s.Fire("page:p1");

        Assert.Single(Scenario.EventsOf<PageExpired>(d));
        Assert.Equal(People.Alice, s.Live.Commander);
    }

    [Fact]
    public void Handover_Release_LeavesDeputyVacantFromThen()
    {
        var s = Commanded();
        s.Ok(People.Bob, new RoleCommand("deputy", UserArg.Me));
        s.Advance(TimeSpan.FromMinutes(20));
        s.Ok(People.Alice, new HandoverCommand(People.Arg(People.Bob), "over to you", true));

        s.Ok(People.Bob, new AckCommand());

        Assert.Null(s.Live.Deputy);
        Assert.Equal(s.Clock.GetUtcNow(), s.Live.VacantSince["deputy"]);
    }

    [Fact]
    public void Handover_NotCommander_Rejected()
    {
        var s = Commanded();

        var d = s.No(People.Carol, new HandoverCommand(People.Arg(People.Bob), "mine now", false));

        Assert.Contains("@Alice", d.Reply, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Handover_NoSummary_Rejected(string summary)
    {
        var s = Commanded();

        s.No(People.Alice, new HandoverCommand(People.Arg(People.Bob), summary, false));
    }

    [Fact]
    public void Handover_NoCommander_RejectedPointingAtLead()
    {
        var s = Scenario.Declared();

        var d = s.No(People.Alice, new HandoverCommand(People.Arg(People.Bob), "x", false));

        Assert.Contains("/incident lead", d.Reply, StringComparison.Ordinal);
    }
}
