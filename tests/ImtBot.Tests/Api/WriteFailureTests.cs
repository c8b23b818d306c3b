using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImtBot.Storage;
using ImtBot.Storage.Writer;
using ImtBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Tests.Api;

/// <summary>
/// A write that fails (a full disk) is an error answer, stores nothing, and keeps <c>/readyz</c> at 503 until a write
/// succeeds again — even though the reopened store reads fine meanwhile.
/// </summary>
public class WriteFailureTests
{
    [Fact]
    public async Task DiskFull_CommandIs503NotStored_ReadyzStays503UntilAWriteSucceeds_ThenTheRetryAppliesOnce()
    {
        await using var host = await TestHost.StartAsync();
        var store = host.Services.GetRequiredService<LiteIncidentStore>();
        store.FaultHook = (point, _) =>
        {
            if (point == FaultPoint.BeforeCommit)
            {
                throw new IOException("No space left on device");
            }
        };
        var body = new { user = "alice", channel = "general", text = "/incident declare Payments down sev1", id = "full-1" };

        var refused = await host.Http.PostAsJsonAsync("/api/console/messages", body);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var detail = await refused.Content.ReadAsStringAsync();
        Assert.Contains("No space left on device", detail);
        Assert.DoesNotContain("   at ", detail);

        // The probe reopens the engine, which reads fine; the write still fails, so the store is not ready.
        var ready = await host.Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("No space left on device", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.Http.GetAsync("/readyz")).StatusCode);

        store.FaultHook = null;

        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/readyz")).StatusCode);
        Assert.Empty(await host.GetArrayAsync("/api/incidents"));
        Assert.Empty(store.GetEvents(1));
        var retried = await host.Http.PostAsJsonAsync("/api/console/messages", body);
        var again = await host.Http.PostAsJsonAsync("/api/console/messages", body);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.True((bool)(await retried.Content.ReadFromJsonAsync<JsonObject>())!["replies"]![0]!["accepted"]!);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(await host.GetArrayAsync("/api/incidents"));
    }

    [Fact]
    public async Task FreeSpaceBelowMinFreeBytes_CommandRefusedWith503SayingSo_AndNotReady()
    {
        await using var host = await TestHost.StartAsync(settings: $"Storage:MinFreeBytes={long.MaxValue}");

        var refused = await host.Http.PostAsJsonAsync("/api/console/messages", new { user = "alice", channel = "general", text = "/incident declare Payments down sev1" });

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Contains("Storage:MinFreeBytes", await refused.Content.ReadAsStringAsync());
        var ready = await host.Http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("Storage:MinFreeBytes", await ready.Content.ReadAsStringAsync());
        Assert.Empty(await host.GetArrayAsync("/api/incidents"));
    }
}
