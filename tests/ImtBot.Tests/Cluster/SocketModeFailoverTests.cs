using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ImtBot.Slack.Testing;
using ImtBot.Storage.Tests.Postgres;
using Microsoft.AspNetCore.WebUtilities;
using Npgsql;
using Xunit.Abstractions;

namespace ImtBot.Tests.Cluster;

/// <summary>
/// Three ImtBot processes in Slack Socket Mode on one PostgreSQL database: only the holder of the Socket Mode lease
/// connects. It is killed with SIGKILL while commands arrive over its socket; another instance takes the lease over and
/// connects. The fake Slack delivers again, on the new connection, every envelope that was not acknowledged (as Slack
/// does); every command sent before and after the kill is in the log exactly once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SocketModeFailoverTests(PostgresServer server, ITestOutputHelper output)
{
    private const string Role = "slack-socket-mode";

    [Fact]
    public async Task LeaderKilled_AnotherConnects_EveryCommandLoggedOnce()
    {
        await using var cluster = await ChildCluster.StartAsync(server, 3, "Slack:AppToken=" + FakeSlack.AppToken, "Dispatcher:PollInterval=00:00:01", "Storage:LeaderLease=00:00:06");
        var slack = cluster.Slack;
        var first = await NextSocketAsync(cluster, TimeSpan.FromSeconds(60));
        var leader = cluster.OwnedBy(await cluster.ScalarAsync<string>($"SELECT owner FROM leases WHERE name = '{Role}'"))
            ?? throw new InvalidOperationException("No instance holds the Socket Mode lease.");
        Assert.Single(slack.CallsTo("apps.connections.open"));

        var unacked = new List<JsonObject>();
        var declared = await SendAsync(first, Envelope("sm-declare", "declare Socket failover sev3"));
        var number = (string?)declared?["text"] is { } text && System.Text.RegularExpressions.Regex.Match(text, @"INC-(\d+)") is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException($"The declaration was not acknowledged: {declared?.ToJsonString()}");
        var notes = Enumerable.Range(1, 12).Select(i => Envelope($"sm-{i:D2}", $"note INC-{number} socket-note-{i:D2}")).ToList();
        foreach (var note in notes[..4])
        {
            await SendAsync(first, note);
        }

        // Three more reach the leader, which cannot commit them yet (the test holds the incident's row), and it dies:
        // they were never acknowledged, so Slack sends them again.
        var inFlight = notes[4..7];
        await using (var holding = new NpgsqlConnection(cluster.Database))
        {
            await holding.OpenAsync();
            await using var transaction = await holding.BeginTransactionAsync();
            await using (var lockRow = new NpgsqlCommand($"SELECT number FROM incidents WHERE number = {number} FOR UPDATE", holding, transaction))
            {
                await lockRow.ExecuteScalarAsync();
            }

            foreach (var envelope in inFlight)
            {
                await first.SendAsync(envelope.ToJsonString());
            }

            await cluster.WaitForAsync("the leader waiting for the incident's row", TimeSpan.FromSeconds(30), async () =>
                await cluster.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'") > 0 ? true : (bool?)null);
            leader.Kill();
            await transaction.RollbackAsync();
        }

        var killed = Stopwatch.StartNew();
        await first.Closed.WaitAsync(TimeSpan.FromSeconds(30));
        var acked = new HashSet<string>(StringComparer.Ordinal);
        while (first.TryReceive(out var ack))
        {
            acked.Add((string)JsonNode.Parse(ack)!["envelope_id"]!);
        }

        unacked.AddRange(inFlight.Where(e => !acked.Contains((string)e["envelope_id"]!)));

        // The lease (Storage:LeaderLease, 6 s here, renewed every 2 s) runs out and another instance takes it; a guard of a
        // minute, not a measurement.
        var second = await NextSocketAsync(cluster, TimeSpan.FromSeconds(60));
        var takeover = killed.Elapsed;
        var successor = cluster.OwnedBy(await cluster.ScalarAsync<string>($"SELECT owner FROM leases WHERE name = '{Role}'"));
        output.WriteLine($"leader pid {leader.Pid} killed; {unacked.Count} of {inFlight.Count} envelopes unacknowledged; pid {successor?.Pid} connected after {takeover.TotalSeconds:0.0} s");
        Assert.NotNull(successor);
        Assert.NotEqual(leader.Pid, successor.Pid);
        Assert.Equal(2, slack.CallsTo("apps.connections.open").Count);
        Assert.Equal(inFlight.Count, unacked.Count);

        foreach (var envelope in unacked)
        {
            envelope["retry_attempt"] = 1;
            envelope["retry_reason"] = "timeout";
            await SendAsync(second, envelope);
        }

        foreach (var note in notes[7..])
        {
            await SendAsync(second, note);
        }

        var timeline = (await successor.Http.GetFromJsonAsync<JsonArray>($"/api/incidents/{number}/timeline"))!.Select(e => e!.ToJsonString()).ToList();
        foreach (var i in Enumerable.Range(1, 12))
        {
            var token = $"socket-note-{i:D2}";
            var times = timeline.Count(e => e.Contains(token, StringComparison.Ordinal));
            Assert.True(times == 1, $"{token} is in the log {times} times");
        }

        Assert.Single((await successor.Http.GetFromJsonAsync<JsonArray>("/api/incidents"))!);
    }

    /// <summary>A slash command envelope as Slack sends it over Socket Mode; its trigger id is what the inbox knows it by.</summary>
    private static JsonObject Envelope(string id, string text)
    {
        var payload = new JsonObject();
        foreach (var (key, value) in QueryHelpers.ParseQuery(SlackPayloads.Command(text, trigger: "trigger." + id, channel: ChildCluster.General)))
        {
            payload[key] = value.ToString();
        }

        return new JsonObject { ["envelope_id"] = id, ["type"] = "slash_commands", ["payload"] = payload, ["accepts_response_payload"] = true };
    }

    /// <summary>Sends an envelope and waits for its ack; returns the ack's payload (the reply).</summary>
    private static async Task<JsonNode?> SendAsync(FakeSocket socket, JsonObject envelope)
    {
        await socket.SendAsync(envelope.ToJsonString());
        var ack = JsonNode.Parse(await socket.ReceiveAsync())!;
        Assert.Equal((string?)envelope["envelope_id"], (string?)ack["envelope_id"]);
        return ack["payload"] ?? new JsonObject();
    }

    private static Task<FakeSocket> NextSocketAsync(ChildCluster cluster, TimeSpan bound) =>
        cluster.WaitForAsync("a Socket Mode connection", bound, async () =>
        {
            try
            {
                return await cluster.Slack.NextSocketAsync();
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        });
}
