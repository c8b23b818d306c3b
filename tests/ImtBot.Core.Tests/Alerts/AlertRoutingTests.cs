using ImtBot.Core.Alerts;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Tests.Incidents;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Core.Tests.Alerts;

public class AlertRoutingTests
{
    private static Alert Firing(string fingerprint, Dictionary<string, string>? labels = null, string integration = "am", string? group = null) =>
        new(integration, fingerprint, AlertState.Firing, "Errors up " + fingerprint, null, labels ?? [], [], null, integration + ":" + (group ?? fingerprint));

    [Theory]
    [InlineData("page ops", "page ops")]
    [InlineData("  page   DBA ", "page dba")]
    [InlineData("declare sev2", "declare sev2")]
    [InlineData("declare 1 type database", "declare sev1 type database")]
    [InlineData("attach", "attach")]
    public void Parse_KnownForms(string text, string normal)
    {
        Assert.Equal(normal, AlertAction.Parse(text, out var problem)!.Text);
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("")]
    [InlineData("page")]
    [InlineData("declare")]
    [InlineData("declare sevX")]
    [InlineData("declare sev2 kind db")]
    [InlineData("resolve")]
    public void Parse_Unknown_SaysWhatWouldWork(string text)
    {
        Assert.Null(AlertAction.Parse(text, out var problem));
        Assert.Contains("`page <role>`, `declare <sev1..sev4> [type <type>]` or `attach`", problem);
    }

    [Fact]
    public void Route_FirstMatchWins_AllLabelsMustMatch_NoMatchPagesTheDefaultRole()
    {
        var options = new AlertOptions
        {
            Routes =
            [
                new() { Labels = new() { ["severity"] = "critical", ["team"] = "db" }, Action = "declare sev1 type database" },
                new() { Labels = new() { ["severity"] = "critical" }, Action = "declare sev2" },
                new() { Integration = "gf", Action = "page storage" },
                new() { Labels = new() { ["severity"] = "critical" }, Action = "page never" },
            ],
        };

        Assert.Equal("declare sev1 type database", AlertRouter.Route(Firing("a", new() { ["severity"] = "critical", ["team"] = "db" }), options).Text);
        Assert.Equal("declare sev2", AlertRouter.Route(Firing("a", new() { ["severity"] = "critical", ["team"] = "web" }), options).Text);
        Assert.Equal("page storage", AlertRouter.Route(Firing("a", integration: "GF"), options).Text);
        Assert.Equal("page ops", AlertRouter.Route(Firing("a", new() { ["severity"] = "warning" }), options).Text);
    }

    [Fact]
    public void Plan_PageRoute_PagesTheRoleOnAnAlertPage_NotAnIncident()
    {
        var plan = AlertRouter.Plan(Firing("a"), new AlertOptions(), new IncidentOptions(), []);

        Assert.Equal("ops", Assert.IsType<AlertPlan.Page>(plan).Role);
    }

    [Fact]
    public void Plan_ResolvedAlertNobodyHas_IsIgnored()
    {
        var plan = AlertRouter.Plan(Firing("a") with { Status = AlertState.Resolved }, new AlertOptions(), new IncidentOptions(), []);

        Assert.IsType<AlertPlan.Ignore>(plan);
    }

    [Fact]
    public void Validator_ListsEveryProblemNamingTheSetting()
    {
        var options = new AlertOptions
        {
            Platform = "irc",
            Integrations = { ["am"] = new() { Kind = "nagios", Token = "short" }, ["bad name"] = new() { Kind = "generic", Token = new string('x', 20) } },
            Routes = [new() { Integration = "zabbix", Action = "escalate" }],
            Heartbeats = { ["cron"] = new() { Interval = TimeSpan.FromSeconds(1), Token = "" } },
        };

        var result = new AlertOptionsValidator().Validate(null, options);

        var text = string.Join("\n", result.Failures!);
        Assert.Contains("Alerts:Platform", text);
        Assert.Contains("Alerts:Integrations:am:Kind", text);
        Assert.Contains("Alerts:Integrations:am:Token", text);
        Assert.Contains("Alerts:Integrations:bad name", text);
        Assert.Contains("Alerts:Routes:0:Action", text);
        Assert.Contains("Alerts:Routes:0:Integration", text);
        Assert.Contains("Alerts:Heartbeats:cron:Interval", text);
        Assert.Contains("Alerts:Heartbeats:cron:Token", text);
        Assert.True(new AlertOptionsValidator().Validate(null, new AlertOptions()).Succeeded);
    }
}

public class AlertIntakeTests
{
    private readonly InMemoryIncidentStore store = new();
    private readonly FakeTimeProvider clock = new(Scenario.Start);
    private readonly IncidentOptions incidentOptions = new() { OnCall = { ["ops"] = ["bob", "carol"] } };

    private AlertIntake CreateSut(AlertOptions? options = null)
    {
        var incidents = new IncidentService(store, clock, incidentOptions);
        var alertOptions = options ?? new AlertOptions();
        return new(incidents, store, alertOptions, incidentOptions, new ImtBot.Core.Alerts.Pages.AlertPageService(store, clock, incidentOptions, alertOptions, incidents), clock);
    }

    private static Alert Firing(string fingerprint, string? group = null) =>
        new("gen", fingerprint, AlertState.Firing, "Queue backlog " + fingerprint, null, new Dictionary<string, string> { ["service"] = "queue" }, [], null, "gen:" + (group ?? fingerprint));

    [Fact]
    public async Task Storm_500AlertsOf20FingerprintsIn60s_DeclareRoute_20IncidentsAndPages_TheRestCounted()
    {
        var sut = CreateSut(new AlertOptions { Routes = [new() { Action = "declare sev3" }] });
        var outcomes = new List<AlertOutcome>();
        for (var i = 0; i < 500; i++)
        {
            outcomes.AddRange(await sut.ReceiveAsync([Firing("fp" + (i % 20))]));
            clock.Advance(TimeSpan.FromMilliseconds(120));
        }

        var incidents = store.ListIncidents(openOnly: true).Select(s => Incident.Replay(store.GetEvents(s.Number))).ToList();
        Assert.Equal(20, incidents.Count);
        Assert.Equal(20, incidents.Sum(i => i.Pages.Count));
        Assert.Equal(20, outcomes.Count(o => o.Result == "declared"));
        Assert.Equal(480, outcomes.Count(o => o.Result == "added"));
        Assert.All(incidents, i => Assert.Equal(25, Assert.Single(i.Alerts).Count));
        Assert.True(clock.GetUtcNow() - Scenario.Start <= TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Storm_500AlertsOf20FingerprintsIn60s_PageRoute_20AlertPages_NoIncident_TheRestCounted()
    {
        var sut = CreateSut();
        var outcomes = new List<AlertOutcome>();
        for (var i = 0; i < 500; i++)
        {
            outcomes.AddRange(await sut.ReceiveAsync([Firing("fp" + (i % 20))]));
            clock.Advance(TimeSpan.FromMilliseconds(120));
        }

        Assert.Empty(store.ListIncidents(openOnly: false));
        Assert.Equal(20, store.ListAlertPages().Count);
        Assert.Equal(20, outcomes.Count(o => o.Result == "paged"));
        Assert.Equal(480, outcomes.Count(o => o.Result == "added"));
        Assert.All(store.ListAlertPages(), n => Assert.Equal(25, ImtBot.Core.Alerts.Pages.AlertPage.Replay(store.GetEvents(-n)).Count));
    }

    [Fact]
    public async Task SameFingerprintFiring_NeverDeclaresTwice_EvenWhenDeliveredAtOnce()
    {
        var sut = CreateSut(new AlertOptions { Routes = [new() { Action = "declare sev2" }] });

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => sut.ReceiveAsync([Firing("same")])));

        var only = Assert.Single(store.ListIncidents(openOnly: true));
        Assert.Equal(8, Incident.Replay(store.GetEvents(only.Number)).Alerts.Single().Count);
    }

    [Fact]
    public async Task Attach_JoinsTheOpenIncidentWithTheSameGroupingKey_ElsePagesTheDefaultRoleWithoutAnIncident()
    {
        var sut = CreateSut(new AlertOptions
        {
            Routes =
            [
                new() { Labels = new() { ["first"] = "yes" }, Action = "declare sev3" },
                new() { Labels = new() { ["service"] = "queue" }, Action = "attach" },
            ],
        });
        var first = (await sut.ReceiveAsync([Firing("a", group: "g1") with { Labels = new Dictionary<string, string> { ["service"] = "queue", ["first"] = "yes" } }])).Single();

        var second = (await sut.ReceiveAsync([Firing("b", group: "g1")])).Single();
        var elsewhere = (await sut.ReceiveAsync([Firing("c", group: "g2")])).Single();

        Assert.Equal("declared", first.Result);
        Assert.Equal(("added", first.Incident), (second.Result, second.Incident));
        Assert.Equal(("paged", null, "AP-1"), (elsewhere.Result, elsewhere.Incident, elsewhere.AlertPage));
        Assert.Equal(["a", "b"], Incident.Replay(store.GetEvents(first.Incident!.Value)).Alerts.Select(a => a.Fingerprint));
        Assert.Single(store.ListIncidents(openOnly: false));
    }

    [Fact]
    public async Task Declared_RecordsTheFirstAlertTime_AndATypeNoPlanNamesFallsBackToTheDefault()
    {
        var sut = CreateSut(new AlertOptions { Routes = [new() { Action = "declare sev2 type database" }] });
        clock.Advance(TimeSpan.FromMinutes(3));

        var outcome = (await sut.ReceiveAsync([Firing("a")])).Single();

        var incident = Incident.Replay(store.GetEvents(outcome.Incident!.Value));
        Assert.Equal(Scenario.Start.AddMinutes(3), incident.FirstAlertAt);
        Assert.Equal(ImtBot.Core.Plans.ResponsePlan.DefaultId, incident.Type);
        Assert.True(incident.DeclaredByAlert);
        Assert.DoesNotContain(incident.Participants, p => p.Platform == PlatformNames.System);
        Assert.Equal(2, incident.Severity);
    }
}
