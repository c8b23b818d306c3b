using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Tests.Incidents;

public class PrivateIncidentTests
{
    [Fact]
    public void Decide_DeclarePrivate_RecordsItAndAnnouncesNumberAndSeverityOnly()
    {
        var s = new Scenario();

        var d = s.Ok(People.Alice, new DeclareCommand("Payroll export leaked", 2, false) { Private = true });

        Assert.True(Assert.IsType<IncidentDeclared>(d.Events[0]).Private);
        Assert.True(s.Live.Private);
        var announced = Assert.Single(Scenario.Of<Announce>(d)).Text;
        Assert.Contains("INC-42", announced, StringComparison.Ordinal);
        Assert.Contains("SEV2", announced, StringComparison.Ordinal);
        Assert.Contains("private", announced, StringComparison.Ordinal);
        Assert.DoesNotContain("Payroll", announced, StringComparison.Ordinal);
        Assert.DoesNotContain("Alice", announced, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_PublicDeclare_LeavesPrivateOutOfTheEvent()
    {
        var s = new Scenario();

        var d = s.Ok(People.Alice, new DeclareCommand("Checkout is failing", 2, false));

        Assert.Null(Assert.IsType<IncidentDeclared>(d.Events[0]).Private);
        Assert.False(s.Live.Private);
    }

    [Fact]
    public void Decide_LaterAnnouncements_OfAPrivateIncident_SayNothingButNumberAndSeverity()
    {
        var s = new Scenario();
        s.Ok(People.Alice, new DeclareCommand("Payroll export leaked", 2, false) { Private = true });

        var update = s.Ok(People.Alice, new UpdateCommand("Bucket policy fixed, rotating keys"));
        var severity = s.Ok(People.Alice, new SeverityCommand(1, "customer data confirmed"));

        foreach (var text in Scenario.Of<Announce>(update).Concat(Scenario.Of<Announce>(severity)).Select(a => a.Text))
        {
            Assert.DoesNotContain("Bucket", text, StringComparison.Ordinal);
            Assert.DoesNotContain("customer", text, StringComparison.Ordinal);
            Assert.StartsWith("INC-42: a private incident", text, StringComparison.Ordinal);
        }

        Assert.Contains("SEV1", Assert.Single(Scenario.Of<Announce>(severity)).Text, StringComparison.Ordinal);
        Assert.True(s.Live.Private);
    }

    [Fact]
    public void Decide_DeclarePrivate_OnTeams_DeclaresAPrivateIncidentAnnouncedByNumberAndSeverityOnly()
    {
        var s = new Scenario { Channel = new ChannelRef(PlatformNames.Teams, "19:general") };

        var d = s.Ok(People.Alice, new DeclareCommand("Payroll export leaked", 2, false) { Private = true });

        Assert.True(s.Live.Private);
        Assert.DoesNotContain("Payroll", Assert.Single(Scenario.Of<Announce>(d)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Insiders_AreTheDeclarerRoleHoldersAndPagedPeople_NotOthers()
    {
        var s = new Scenario();
        s.Ok(People.Alice, new DeclareCommand("Payroll export leaked", 2, false) { Private = true });
        s.Ok(People.Alice, new RoleCommand("ops", People.Arg(People.Bob)));
        s.Ok(People.Alice, new PageCommand(null, People.Arg(People.Carol), null));

        Assert.True(s.Live.IsInsider(People.Alice));
        Assert.True(s.Live.IsInsider(People.Bob));
        Assert.True(s.Live.IsInsider(People.Carol));
        Assert.False(s.Live.IsInsider(People.Dave));
    }
}
