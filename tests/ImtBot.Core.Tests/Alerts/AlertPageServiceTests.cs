using ImtBot.Core.Alerts;
using ImtBot.Core.Alerts.Pages;
using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Tests.Incidents;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Core.Tests.Alerts;

/// <summary>The alert page pipeline on the in-memory store: commands through the same handler the adapters call.</summary>
public class AlertPageServiceTests
{
    private readonly InMemoryIncidentStore store = new();
    private readonly FakeTimeProvider clock = new(Scenario.Start);
    private readonly IncidentOptions incidentOptions = new() { OnCall = { ["ops"] = ["bob", "carol"] } };

    private (AlertIntake Intake, AlertPageCommands Commands, AlertPageService Pages) CreateSut()
    {
        var incidents = new IncidentService(store, clock, incidentOptions);
        var options = new AlertOptions();
        var pages = new AlertPageService(store, clock, incidentOptions, options, incidents);
        return (new AlertIntake(incidents, store, options, incidentOptions, pages, clock), new AlertPageCommands(incidents, pages, store), pages);
    }

    private static Alert Firing(string fingerprint) =>
        new("gen", fingerprint, AlertState.Firing, "Queue backlog " + fingerprint, null, new Dictionary<string, string> { ["service"] = "queue" }, ["https://grafana.example/d/q"], null, "gen:" + fingerprint);

    private static ChatCommand Say(UserRef who, string text, string key) => new(text, who, new ChannelRef(PlatformNames.Console, "dm-" + who.Id), key);

    [Fact]
    public async Task DeclareFromThePage_TheIncidentCarriesTheAlert_ARedeliveredClickDeclaresOnce()
    {
        var (intake, commands, pages) = CreateSut();
        await intake.ReceiveAsync([Firing("q1")]);
        var bob = new UserRef(PlatformNames.Console, "bob", "bob");

        var declared = await commands.HandleAsync(Say(bob, "declare AP-1 sev2", "click-1"));
        var again = await commands.HandleAsync(Say(bob, "declare AP-1 sev2", "click-1"));

        Assert.True(declared.Accepted, declared.Text);
        Assert.True(again.Redelivered);
        var only = Assert.Single(store.ListIncidents(openOnly: true));
        var incident = Incident.Replay(store.GetEvents(only.Number));
        Assert.Equal(2, incident.Severity);
        Assert.Equal("q1", Assert.Single(incident.Alerts).Fingerprint);
        Assert.Equal(bob, incident.DeclaredBy);
        Assert.Equal(only.Number, pages.Get(1)!.Incident);

        var next = (await intake.ReceiveAsync([Firing("q1")])).Single();
        Assert.Equal(("added", only.Number), (next.Result, next.Incident));
    }

    [Fact]
    public async Task Timer_OfAnAlertPageStream_GoesToTheAlertPage()
    {
        var (intake, commands, pages) = CreateSut();
        await intake.ReceiveAsync([Firing("q1")]);

        var reply = await commands.HandleParsedAsync(
            new TimerCommand("page:p1") { Incident = AlertPageKey.Stream(1) },
            new ChatCommand("timer page:p1", UserRef.System, new ChannelRef(PlatformNames.Console, "timer"), "timer:1"));

        Assert.True(reply.Accepted, reply.Text);
        Assert.Equal(["Expired", "Paged"], pages.Get(1)!.Pages.Select(p => p.Status.ToString()));
        Assert.Empty(store.ListIncidents(openOnly: false));
    }
}
