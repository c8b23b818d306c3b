using System.Net;
using System.Text.Json.Nodes;
using ImtBot.Tests.Infrastructure;

namespace ImtBot.Tests.Api;

/// <summary>An incident whose last event was deleted from the file: the audit, verify and readiness agree it is broken, and commands say so.</summary>
public class BrokenLogTests
{
    [Fact]
    public async Task LastEventDeleted_AuditSaysBroken_ReadyzIs503_AndACommandSaysRunVerify()
    {
        string path;
        await using (var first = await TestHost.StartAsync())
        {
            path = first.DatabasePath;
            Assert.True((await first.SayAsync("alice", "general", "/incident declare Payments down sev1")).Accepted);
            Assert.True((await first.SayAsync("alice", "general", "/incident note INC-1 first look")).Accepted);
            Assert.True((await first.SayAsync("alice", "general", "/incident note INC-1 second look")).Accepted);
        }

        using (var lite = new LiteDB.LiteDatabase($"Filename={path};Connection=direct"))
        {
            var events = lite.GetCollection("events");
            events.Delete(events.FindAll().OrderBy(d => d["seq"].AsInt64).Last()["_id"]);
        }

        await using var host = await TestHost.StartAsync(databasePath: path);

        var audit = await host.GetJsonAsync("/api/incidents/1/audit");
        Assert.False((bool)audit["valid"]!);
        Assert.NotNull((string?)audit["problem"]);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.Http.GetAsync("/readyz")).StatusCode);

        var reply = await host.SayAsync("alice", "general", "/incident note INC-1 third look");

        Assert.False(reply.Accepted);
        Assert.Equal("INC-1: the event log does not match its head; run verify.", reply.Text);
        Assert.DoesNotContain("Try again", reply.Text);
    }

    [Fact]
    public async Task IntactIncident_AuditIsValid()
    {
        await using var host = await TestHost.StartAsync();
        await host.SayAsync("alice", "general", "/incident declare Payments down sev1");

        var audit = await host.GetJsonAsync("/api/incidents/1/audit");

        Assert.True((bool)audit["valid"]!, (string?)audit["problem"]);
        Assert.IsType<JsonValue>(audit["head"], exactMatch: false);
    }
}
