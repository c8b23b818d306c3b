using System.Text.Json.Nodes;
using ImtBot.Hosting;
using ImtBot.Tests.Infrastructure;
using LiteDB;

namespace ImtBot.Tests.Security;

/// <summary>
/// Org-wide changes in the hash-chained admin audit stream: an on-call list set in chat is an event with who set it,
/// the list before and after; <c>imtbot verify</c> checks the stream and catches an edited event.
/// </summary>
public class AdminAuditTests
{
    [Fact]
    public async Task OnCallListSet_IsAudited_WithActorBeforeAndAfter_VerifiedAndTamperCaught()
    {
        string db;
        await using (var host = await TestHost.StartAsync())
        {
            db = host.DatabasePath;
            Assert.True((await host.SayAsync("alice", "general", "/incident oncall ops @bob @carol")).Accepted);
            Assert.True((await host.SayAsync("dan", "general", "/incident oncall ops @carol")).Accepted);

            // Only showing a list changes nothing, so records nothing.
            Assert.True((await host.SayAsync("dan", "general", "/incident oncall")).Accepted);

            var audit = await host.GetJsonAsync("/api/admin/audit");
            var events = audit["events"]!.AsArray();
            Assert.True((bool)audit["valid"]!);
            Assert.Equal(["oncall_list_changed", "oncall_list_changed"], events.Select(e => (string)e!["type"]!));
            Assert.Equal("alice", (string)events[0]!["actor"]!["id"]!);
            Assert.Equal("ops", (string)events[0]!["data"]!["role"]!);
            Assert.Empty(events[0]!["data"]!["previous"]!.AsArray());
            Assert.Equal(["bob", "carol"], events[0]!["data"]!["users"]!.AsArray().Select(u => (string)u!["id"]!));
            Assert.Equal("dan", (string)events[1]!["actor"]!["id"]!);
            Assert.Equal(["bob", "carol"], events[1]!["data"]!["previous"]!.AsArray().Select(u => (string)u!["id"]!));
            Assert.Equal(["carol"], events[1]!["data"]!["users"]!.AsArray().Select(u => (string)u!["id"]!));
        }

        var (code, output, _) = await RunAsync("verify", $"--Storage:Path={db}");
        Assert.Equal(CliVerbs.Ok, code);
        Assert.Contains("admin audit: valid, 2 events", output, StringComparison.Ordinal);

        // Someone with the file rewrites who was put on call.
        using (var lite = new LiteDatabase(new ConnectionString { Filename = db, Connection = ConnectionType.Direct }))
        {
            var records = lite.GetCollection("admin_audit");
            var first = records.FindById(1);
            first["Data"] = first["Data"].AsString.Replace("bob", "mallory", StringComparison.Ordinal);
            Assert.True(records.Update(first));
        }

        var (broken, _, errors) = await RunAsync("verify", $"--Storage:Path={db}");
        Assert.Equal(CliVerbs.Broken, broken);
        Assert.Contains("admin audit: BROKEN at sequence 1", errors, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Errors)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await CliVerbs.TryRunAsync(args, stdout, stderr);
        return (code!.Value, stdout.ToString(), stderr.ToString());
    }
}
