using System.Diagnostics;
using System.Text.Json.Nodes;
using ImtBot.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ImtBot.Tests.Alerts;

/// <summary>A storm through the real endpoint and the real store, on the fake clock: 500 notifications of 20 alerts in 60 s.</summary>
public class AlertStormTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Storm_500NotificationsOf20Alerts_20IncidentsAnd20Pages_TheRestCounted()
    {
        await using var host = await AlertHost.StartAsync();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 500; i++)
        {
            var response = await host.PostAsync("/api/alerts/gen", AlertHost.Generic("storm-" + (i % 20)), AlertHost.GenericToken);
            response.EnsureSuccessStatusCode();
            host.Clock.Advance(TimeSpan.FromMilliseconds(120));
        }

        output.WriteLine($"500 alert notifications through HTTP and the store: {watch.Elapsed.TotalSeconds:0.0} s");
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
    }
}
