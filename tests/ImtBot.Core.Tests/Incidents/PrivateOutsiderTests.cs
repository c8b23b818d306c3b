using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Core.Tests.Incidents;

/// <summary>
/// Someone outside a private incident can neither read it in chat (status, timeline, review, plan, the list, actions,
/// training) nor change it — which would make them a participant; participants and admins can, and a participant brings
/// someone in with a role or a page.
/// </summary>
public class PrivateOutsiderTests
{
    private static readonly ChannelRef General = new(PlatformNames.Console, "general");
    private readonly InMemoryIncidentStore store = new();
    private readonly IncidentOptions options = new() { Admins = ["root"] };
    private int keys;

    [Fact]
    public void Decide_OutsiderActsOnPrivateIncident_RefusedAndNotMadeParticipant()
    {
        var s = new Scenario();
        s.Ok(People.Alice, new DeclareCommand("Payroll export leaked", 2, false) { Private = true });

        var note = s.No(People.Dave, new NoteCommand("just looking"));
        var lead = s.No(People.Dave, new RoleCommand("commander", new UserArg("me", null, IsMe: true)));

        Assert.Contains("INC-42 is private", note.Reply, StringComparison.Ordinal);
        Assert.DoesNotContain("Payroll", note.Reply + lead.Reply, StringComparison.Ordinal);
        Assert.False(s.Live.IsInsider(People.Dave));
        s.Ok(People.Admin, new NoteCommand("admin checked in"));
        s.Ok(People.Alice, new RoleCommand("ops", People.Arg(People.Dave)));
        s.Ok(People.Dave, new NoteCommand("on it"));
    }

    [Fact]
    public void Decide_OutsiderOnPublicIncident_ActsAsBefore()
    {
        var s = Scenario.Declared();

        s.Ok(People.Dave, new NoteCommand("seen it too"));

        Assert.Contains(People.Dave, s.Live.Participants);
    }

    [Fact]
    public async Task ReadOnlyAnswers_HidePrivateIncident_FromOutsidersOnly()
    {
        var sut = new IncidentService(store, new FakeTimeProvider(Scenario.Start), options);
        Assert.True((await sut.HandleAsync(Say(People.Alice, "declare Payroll export leaked sev2 private"))).Accepted);
        Assert.True((await sut.HandleAsync(Say(People.Alice, "declare Search is down sev3"))).Accepted);
        Assert.True((await sut.HandleAsync(Say(People.Alice, "action INC-1 Rotate payroll keys"))).Accepted);

        foreach (var text in new[] { "status INC-1", "timeline INC-1", "review INC-1", "plan INC-1" })
        {
            var outsider = await sut.HandleAsync(Say(People.Dave, text));
            var insider = await sut.HandleAsync(Say(People.Alice, text));
            Assert.False(outsider.Accepted, text);
            Assert.DoesNotContain("Payroll", outsider.Text, StringComparison.Ordinal);
            Assert.Contains("private", outsider.Text, StringComparison.Ordinal);
            Assert.DoesNotContain("is private", insider.Text, StringComparison.Ordinal);
        }

        var list = (await sut.HandleAsync(Say(People.Dave, "list"))).Text;
        Assert.Contains("INC-1 · SEV2 · private incident", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Payroll", list, StringComparison.Ordinal);
        Assert.Contains("Search is down", list, StringComparison.Ordinal);
        Assert.Contains("Payroll", (await sut.HandleAsync(Say(People.Alice, "list"))).Text, StringComparison.Ordinal);
        Assert.Contains("Payroll", (await sut.HandleAsync(Say(People.Admin, "list"))).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("payroll", (await sut.HandleAsync(Say(People.Dave, "actions"))).Text, StringComparison.Ordinal);
        Assert.Contains("payroll", (await sut.HandleAsync(Say(People.Alice, "actions"))).Text, StringComparison.Ordinal);
    }

    private ChatCommand Say(UserRef actor, string text) => new(text, actor, General, "k" + Interlocked.Increment(ref keys));
}
