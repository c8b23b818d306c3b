using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ImtBot.Storage.Tests.Postgres;
using ImtBot.Tests.Dispatch.Chaos;
using Npgsql;
using Xunit.Abstractions;

namespace ImtBot.Tests.Cluster;

/// <summary>
/// Two ImtBot processes on one PostgreSQL database under a steady stream of console commands, and the server is
/// stopped (<c>pg_ctl stop -m fast</c>: every connection cut) and started again. While it is away <c>/readyz</c> is 503
/// and commands are refused with a 503 that says to send them again; once it is back the same processes — not
/// restarted — are ready again and take commands. Every acknowledged command is in the log exactly once, and each
/// refused one, sent again with its id, is applied once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class PostgresRestartTests(PostgresServer server, ITestOutputHelper output)
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ServerRestartedUnderLoad_AcknowledgedKeptOnce_RefusedAnswered503_InstancesRecover()
    {
        await using var cluster = await ChildCluster.StartAsync(server, 2, "Dispatcher:PollInterval=00:00:01", "Dispatcher:InitialBackoff=00:00:00.200", "Dispatcher:MaxBackoff=00:00:02");

        // One incident per worker, so that the workers never wait for one another on an incident's row.
        var incidents = new List<int>();
        for (var w = 0; w < Load.Workers(cluster.Bots.Count); w++)
        {
            var declared = await SayAsync(cluster.Bots[w % cluster.Bots.Count], $"declare-{w}", $"declare Storage restart drill {w} sev3");
            Assert.True(declared.Status == HttpStatusCode.OK, declared.Body);
            incidents.Add((int)declared.Reply!["incident"]!);
        }

        var clock = Stopwatch.StartNew();
        var load = new Load(cluster.Bots, incidents, clock);
        var running = load.RunAsync();
        await cluster.WaitForAsync("commands acknowledged before the restart", Guard, () => Task.FromResult(load.Acknowledged >= 10 ? (bool?)true : null));

        await server.StopAsync();
        var stopped = clock.Elapsed;
        try
        {
            foreach (var bot in cluster.Bots)
            {
                await cluster.WaitForAsync($"/readyz 503 on pid {bot.Pid} while PostgreSQL is down", Guard, async () => await ReadyAsync(bot) == HttpStatusCode.ServiceUnavailable ? true : (bool?)null);
            }

            var refusedBefore = load.Refused.Count;
            await cluster.WaitForAsync("commands refused while PostgreSQL is down", Guard, () => Task.FromResult(load.Refused.Count >= refusedBefore + 4 ? (bool?)true : null));
        }
        finally
        {
            // Also when a wait above failed: the server is shared with the collection's other tests.
            await server.StartAsync();
        }

        var started = clock.Elapsed;
        foreach (var bot in cluster.Bots)
        {
            await cluster.WaitForAsync($"/readyz 200 on pid {bot.Pid} after PostgreSQL is back", Guard, async () => await ReadyAsync(bot) == HttpStatusCode.OK ? true : (bool?)null);
        }

        var ready = clock.Elapsed;
        var acknowledgedBack = load.Acknowledged;
        await cluster.WaitForAsync("commands acknowledged after the restart", Guard, () => Task.FromResult(load.Acknowledged >= acknowledgedBack + 10 ? (bool?)true : null));
        var firstAfter = load.FirstAcknowledgedAfter(started);
        await load.StopAsync(running);
        output.WriteLine($"stopped at {stopped.TotalSeconds:0.0} s, started at {started.TotalSeconds:0.0} s, both ready at {ready.TotalSeconds:0.0} s, first acknowledged after the start at {firstAfter?.TotalSeconds:0.0} s; " +
            $"{load.Acknowledged} acknowledged, {load.Refused.Count} refused ({string.Join(", ", load.Refused.GroupBy(r => r.Status).Select(g => $"{g.Count()}× {(int)g.Key}"))}), {load.Unanswered.Count} unanswered");

        // Refused or unanswered while the server was away: sent again with the same id, each is applied now (once).
        foreach (var command in load.Refused.Select(r => r.Command).Concat(load.Unanswered).Distinct())
        {
            var again = await SayAsync(cluster.Bots[command.Bot], command.Id, command.Text);
            Assert.True(again.Status == HttpStatusCode.OK && (bool)again.Reply!["accepted"]!, $"{command.Id} sent again: {(int)again.Status} {again.Body}");
            load.Acknowledge(command);
        }

        Assert.All(load.Refused, r => Assert.True(r.Status == HttpStatusCode.ServiceUnavailable && r.Body.Contains("/readyz", StringComparison.Ordinal), $"{r.Command.Id}: {(int)r.Status} {r.Body}"));
        var logged = await TokensInLogAsync(cluster.Database);
        Assert.All(load.AcknowledgedCommands, c => Assert.True(logged.GetValueOrDefault(c.Token) == 1, $"{c.Token} acknowledged, in the log {logged.GetValueOrDefault(c.Token)} times"));
        Assert.All(logged, t => Assert.True(t.Value == 1, $"{t.Key} in the log {t.Value} times"));

        // The dispatchers came back too: a declaration on each instance gets its console channel.
        for (var i = 0; i < cluster.Bots.Count; i++)
        {
            var after = await SayAsync(cluster.Bots[i], $"declare-after-{i}", $"declare After the restart {i} sev3");
            var incident = (int)after.Reply!["incident"]!;
            await cluster.WaitForAsync($"INC-{incident}'s console channel", Guard, async () =>
                (await cluster.Bots[i].Http.GetFromJsonAsync<JsonArray>("/api/console/channels?user=alice"))!.Any(c => (int?)c!["incident"] == incident) ? true : (bool?)null);
        }
    }

    private static async Task<HttpStatusCode> ReadyAsync(ChildBot bot)
    {
        using var response = await bot.Http.GetAsync("/readyz");
        return response.StatusCode;
    }

    private static async Task<Answer> SayAsync(ChildBot bot, string id, string text)
    {
        using var response = await bot.Http.PostAsJsonAsync("/api/console/messages", new { id, user = "alice", channel = "general", text = "/incident " + text });
        var body = await response.Content.ReadAsStringAsync();
        var reply = response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(body)!["replies"]![0]!.AsObject() : null;
        return new Answer(response.StatusCode, body, reply);
    }

    /// <summary>How often each command's token is in the log, read from the database.</summary>
    private static async Task<Dictionary<string, int>> TokensInLogAsync(string database)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT data FROM events", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            foreach (Match m in Token().Matches(reader.GetString(0)))
            {
                counts[m.Value] = counts.GetValueOrDefault(m.Value) + 1;
            }
        }

        return counts;
    }

    [GeneratedRegex(@"pgload-\d{4}")]
    private static partial Regex Token();

    private sealed record Answer(HttpStatusCode Status, string Body, JsonObject? Reply);

    private sealed record Command(int Bot, string Id, string Token, string Text);

    private sealed record Refusal(Command Command, HttpStatusCode Status, string Body);

    /// <summary>Two workers per instance sending notes without pause, each to its own incident, each note with a unique id and token.</summary>
    private sealed class Load(IReadOnlyList<ChildBot> bots, IReadOnlyList<int> incidents, Stopwatch clock)
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly ConcurrentQueue<(Command Command, TimeSpan At)> _acknowledged = new();
        private int _next;

        public int Acknowledged => _acknowledged.Count;

        public IEnumerable<Command> AcknowledgedCommands => _acknowledged.Select(a => a.Command);

        public ConcurrentQueue<Refusal> Refused { get; } = new();

        public ConcurrentQueue<Command> Unanswered { get; } = new();

        public static int Workers(int instances) => instances * 2;

        public Task RunAsync() => Task.WhenAll(Enumerable.Range(0, Workers(bots.Count)).Select(WorkAsync));

        public async Task StopAsync(Task running)
        {
            await _stop.CancelAsync();
            await running;
        }

        public void Acknowledge(Command command) => _acknowledged.Enqueue((command, clock.Elapsed));

        public TimeSpan? FirstAcknowledgedAfter(TimeSpan at) => _acknowledged.Where(a => a.At > at).Select(a => (TimeSpan?)a.At).Min();

        private async Task WorkAsync(int worker)
        {
            var (bot, incident) = (worker % bots.Count, incidents[worker]);
            while (!_stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref _next);
                var token = $"pgload-{n:D4}";
                var command = new Command(bot, "pg-" + n, token, $"note INC-{incident} {token}");
                try
                {
                    var answer = await SayAsync(bots[bot], command.Id, command.Text);
                    if (answer.Status == HttpStatusCode.OK && (bool)answer.Reply!["accepted"]!)
                    {
                        Acknowledge(command);
                    }
                    else
                    {
                        Refused.Enqueue(new Refusal(command, answer.Status, answer.Body));
                        await Task.Delay(100);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    Unanswered.Enqueue(command);
                }
            }
        }
    }
}
