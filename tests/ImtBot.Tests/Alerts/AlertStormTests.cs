using System.Diagnostics;
using ImtBot.Core.Alerts;
using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;
using ImtBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ImtBot.Tests.Alerts;

/// <summary>
/// Storms through the real endpoint and the real store, on the fake clock: 500 notifications of 20 alerts in 60 s. The
/// time per alert is written to the test output (not asserted: it depends on the machine); routing reads the open
/// incidents through an index kept by version, so it stays flat as the incidents fill with alerts.
/// </summary>
public class AlertStormTests(ITestOutputHelper output)
{
    private const string StormLabels = "{\"service\":\"queue\",\"storm\":\"yes\"}";

    private async Task StormAsync(TestHost host, string what)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 500; i++)
        {
            var response = await host.PostAsync("/api/alerts/gen", AlertHost.Generic("storm-" + (i % 20), labels: StormLabels), AlertHost.GenericToken);
            response.EnsureSuccessStatusCode();
            host.Clock.Advance(TimeSpan.FromMilliseconds(120));
        }

        output.WriteLine($"500 alert notifications {what} through HTTP and the store: {watch.Elapsed.TotalSeconds:0.0} s, {watch.Elapsed.TotalMilliseconds / 500:0.0} ms per alert");
    }

    [Fact]
    public async Task Storm_DeclareRoute_20IncidentsAnd20Pages_TheRestCounted()
    {
        await using var host = await AlertHost.StartAsync("Alerts:Routes:3:Labels:storm=yes", "Alerts:Routes:3:Action=declare sev3");
        await StormAsync(host, "into incidents");

        var incidents = await host.GetArrayAsync("/api/incidents");
        Assert.Equal(20, incidents.Count);
        var pages = 0;
        var counts = 0;
        foreach (var number in incidents.Select(i => (int)i!["number"]!))
        {
            pages += (await host.GetJsonAsync($"/api/incidents/{number}"))["pages"]!.AsArray().Count;
            counts += (int)(await host.GetJsonAsync($"/api/incidents/{number}/alerts"))["alerts"]!.AsArray().Single()!["count"]!;
        }

        Assert.Equal(20, pages);
        Assert.Equal(500, counts);
        Assert.Equal(TestHost.Epoch.AddSeconds(60), host.Clock.GetUtcNow());
        CompareRouting(host);
    }

    /// <summary>
    /// What routing one more alert reads, measured side by side in this process (so the machine's load weighs on both):
    /// replaying every open incident, as routing did before the index, against the index caught up by version.
    /// </summary>
    private void CompareRouting(TestHost host)
    {
        var store = host.Services.GetRequiredService<ICommandStore>();
        var index = new IncidentAlertIndex(store);
        var cold = Stopwatch.StartNew();
        var current = index.Current();
        cold.Stop();
        const int Rounds = 20;
        var replay = Stopwatch.StartNew();
        for (var i = 0; i < Rounds; i++)
        {
            var replayed = OpenAlerts.Of(store.ListIncidents(openOnly: true).Select(s => Incident.Replay(store.GetEvents(s.Number))));
            Assert.Equal(current.IncidentWithAlert("storm-7"), replayed.IncidentWithAlert("storm-7"));
        }

        replay.Stop();
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < Rounds; i++)
        {
            Assert.NotNull(index.Current().IncidentWithAlert("storm-7"));
        }

        warm.Stop();
        output.WriteLine($"Routing lookup over 20 open incidents of 25+ events: replaying them {replay.Elapsed.TotalMilliseconds / Rounds:0.00} ms, " +
            $"the index {warm.Elapsed.TotalMilliseconds / Rounds:0.00} ms (its first catch-up {cold.Elapsed.TotalMilliseconds:0.0} ms)");
    }

    [Fact]
    public async Task Storm_PageRoute_20AlertPagesAnd20Pages_NoIncident_TheRestCounted()
    {
        await using var host = await AlertHost.StartAsync();
        await StormAsync(host, "into alert pages");

        Assert.Empty(await host.GetArrayAsync("/api/incidents"));
        var alertPages = await host.GetArrayAsync("/api/alert-pages");
        Assert.Equal(20, alertPages.Count);
        Assert.Equal(20, alertPages.Sum(p => p!["pages"]!.AsArray().Count));
        Assert.Equal(500, alertPages.Sum(p => (int)p!["count"]!));
    }
}
