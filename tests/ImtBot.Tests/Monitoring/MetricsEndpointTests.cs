using System.Globalization;
using System.Net;
using ImtBot.Core.Ports;
using ImtBot.Storage;
using ImtBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Tests.Monitoring;

/// <summary><c>/metrics</c> scraped after a scripted pair of incidents on the fake clock.</summary>
public class MetricsEndpointTests
{
    private static readonly string[] OnCall = ["Incidents:OnCall:ops:0=bob", "Incidents:OnCall:ops:1=carol"];

    [Fact]
    public async Task Scrape_AfterScriptedIncidents_ReportsOpenIncidentsPagesOutboxAndCommits()
    {
        await using var host = await TestHost.StartAsync(settings: OnCall);
        Assert.True((await host.SayAsync("alice", "general", "/incident declare \"Checkout failing\" sev1")).Accepted);
        Assert.True((await host.SayAsync("alice", "general", "/incident declare \"Search slow\" sev2")).Accepted);
        await host.DrainOutboxAsync();
        Assert.True((await host.SayAsync("alice", "general", "/incident page INC-1 ops")).Accepted);
        await host.DrainOutboxAsync();
        await host.AdvanceAsync(TimeSpan.FromMinutes(5)); // the SEV1 page timeout: bob's page expires, carol is paged
        Assert.True((await host.SayAsync("carol", "dm-carol", "/incident ack INC-1")).Accepted);
        await host.DrainOutboxAsync();

        var response = await host.Http.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(1, Value(text, "imtbot_incidents_open{severity=\"1\"}"));
        Assert.Equal(1, Value(text, "imtbot_incidents_open{severity=\"2\"}"));
        Assert.Equal(2, Value(text, "imtbot_pages_sent_total"));
        Assert.Equal(1, Value(text, "imtbot_pages_acknowledged_total"));
        Assert.Equal(1, Value(text, "imtbot_pages_expired_total"));
        Assert.Equal(0, Value(text, "imtbot_pages_declined_total"));
        Assert.Equal(0, Value(text, "imtbot_outbox_dead_lettered_steps"));
        Assert.Equal(0, Value(text, "imtbot_outbox_oldest_due_age_seconds")); // drained: nothing is overdue

        var store = host.Services.GetRequiredService<LiteIncidentStore>();
        var waiting = store.GetSteps(OutboxStatus.Pending).Count + store.GetSteps(OutboxStatus.InFlight).Count;
        Assert.True(waiting > 0, "the open incidents have timers waiting");
        Assert.Equal(waiting, Value(text, "imtbot_outbox_steps"));
        var timers = store.GetSteps(OutboxStatus.Pending).Count(s => s.Kind == "timer" && s.DueAt > host.Clock.GetUtcNow());
        Assert.Equal(timers, Value(text, "imtbot_outbox_steps_by_kind{kind=\"timer\",state=\"later\"}"));
        Assert.Equal(waiting, text.Split('\n').Where(l => l.StartsWith("imtbot_outbox_steps_by_kind{", StringComparison.Ordinal)).Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture)));

        // Four commands at least were committed (two declarations, a page, an acknowledgement), each observed once.
        Assert.True(Value(text, "imtbot_writer_commit_duration_seconds_count") >= 4);
        Assert.True(Value(text, "imtbot_writer_commit_duration_seconds_sum") > 0);
    }

    [Fact]
    public async Task DeadLetters_CountedOnceAMinuteAtMost_ThenTheGaugeShowsThem()
    {
        await using var host = await TestHost.StartAsync();
        Assert.True((await host.SayAsync("alice", "general", "/incident declare \"Checkout failing\" sev2")).Accepted);
        await host.DrainOutboxAsync();
        Assert.Equal(0, Value(await host.Http.GetStringAsync("/metrics"), "imtbot_outbox_dead_lettered_steps"));

        var store = host.Services.GetRequiredService<LiteIncidentStore>();
        var step = store.GetSteps(OutboxStatus.Pending).First();
        await store.DeadLetterStepAsync(step.Key, "given up in the test", host.Clock.GetUtcNow());

        host.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, Value(await host.Http.GetStringAsync("/metrics"), "imtbot_outbox_dead_lettered_steps"));
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, Value(await host.Http.GetStringAsync("/metrics"), "imtbot_outbox_dead_lettered_steps"));
    }

    [Fact]
    public async Task Scrape_AfterClose_SeverityGoesToZero()
    {
        await using var host = await TestHost.StartAsync();
        Assert.True((await host.SayAsync("alice", "general", "/incident declare \"Checkout failing\" sev1")).Accepted);
        await host.DrainOutboxAsync();
        Assert.Equal(1, Value(await host.Http.GetStringAsync("/metrics"), "imtbot_incidents_open{severity=\"1\"}"));

        Assert.True((await host.SayAsync("alice", "general", "/incident cancel INC-1 false alarm")).Accepted);
        await host.DrainOutboxAsync();

        Assert.Equal(0, Value(await host.Http.GetStringAsync("/metrics"), "imtbot_incidents_open{severity=\"1\"}"));
    }

    private static double Value(string exposition, string series)
    {
        var line = exposition.Split('\n').SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        Assert.True(line is not null, $"{series} is missing from:\n{exposition}");
        return double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }
}
