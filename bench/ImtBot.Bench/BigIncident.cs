using System.Diagnostics;
using ImtBot.Cards;
using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Bench;

/// <summary>
/// One incident with 10,000 events, read through the real entry points of a real host: <c>GET review.md</c> over HTTP,
/// the incident card as the dispatcher renders it, <c>/incident status</c> typed in the console over HTTP. The events
/// are made by the real command path (<see cref="ICommandHandler"/>, as every adapter calls it: parse, decide, chain,
/// durable commit, effects through the dispatcher), mostly notes and stakeholder updates, a few status and severity
/// changes, as a long incident's log looks. Then verify of a 1,000,000-event database (<see cref="BigVerify"/>).
/// usage: big [--events 10000] [--runs 200] [--verify-incidents 1000] [--verify-events 1000] [--no-verify]
/// </summary>
internal static class BigIncident
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = Timings.Option(args, "--events", 10_000);
        var runs = Timings.Option(args, "--runs", 200);
        var folder = Path.Combine(Path.GetTempPath(), "imtbot-big-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var results = new List<Timings.Result>();
            await using (var host = await HostUnderTest.StartAsync(Path.Combine(folder, "big.db")))
            {
                var number = await BuildAsync(host, events);
                results.AddRange(await ReadsAsync(host, number, runs));
            }

            var verified = Timings.Flag(args, "--no-verify") ? null
                : await BigVerify.RunAsync(folder, Timings.Option(args, "--verify-incidents", 1_000), Timings.Option(args, "--verify-events", 1_000));
            if (verified is not null)
            {
                results.Add(verified);
            }

            Console.WriteLine();
            Console.WriteLine($"big: one incident of {events:N0} events; load average {Timings.LoadAverage()}; {Environment.ProcessorCount} cores; .NET {Environment.Version}");
            Timings.Print(results);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Declares in the console (HTTP), then adds commands through the command path until the log holds <paramref name="events"/> events.</summary>
    private static async Task<int> BuildAsync(HostUnderTest host, int events)
    {
        var declared = await host.TypeAsync("/incident declare Checkout latency across all regions sev2");
        var number = declared["incident"]!.GetValue<int>();
        var commands = host.Services.GetRequiredService<ICommandHandler>();
        var store = host.Services.GetRequiredService<IIncidentQueries>();
        var alice = new UserRef(PlatformNames.Console, "alice", "Alice Adams");
        var general = new ChannelRef(PlatformNames.Console, "general");
        var clock = Stopwatch.StartNew();
        var slice = Stopwatch.StartNew();
        var sent = 0;
        long version;
        while ((version = store.FindIncident(number)!.Version) < events)
        {
            sent++;
            var reply = await commands.HandleAsync(new ChatCommand(CommandText(number, sent), alice, general, $"big:{number}:{sent}"));
            if (!reply.Accepted)
            {
                throw new InvalidOperationException($"command {sent} was refused: {reply.Text}");
            }

            if (sent % 1000 == 0)
            {
                Console.WriteLine($"  {version:N0} events: the last 1,000 commands took {slice.Elapsed.TotalSeconds:F1} s ({slice.Elapsed.TotalMilliseconds / 1000:F2} ms each); load {Timings.LoadAverage()}");
                slice.Restart();
            }
        }

        Console.WriteLine($"built INC-{number}: {version:N0} events from {sent:N0} commands through the command path in {clock.Elapsed.TotalSeconds:F1} s");
        await host.SettleAsync(TimeSpan.FromMinutes(10));
        return number;
    }

    /// <summary>GET review.md over HTTP; throws unless it answered 200 with a document. Returns its size in bytes.</summary>
    private static async Task<long> GetReviewAsync(HostUnderTest host, int number)
    {
        using var response = await host.Http.GetAsync($"/api/incidents/{number}/review.md");
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode && body.Length > 0 ? body.Length : throw new InvalidOperationException($"GET review.md: {(int)response.StatusCode}");
    }

    /// <summary>What a long incident's log is made of: mostly notes, an update every 10th command, and now and then a status or severity change.</summary>
    private static string CommandText(int number, int i) => (i, i % 500, i % 10) switch
    {
        (1, _, _) => $"investigating INC-{number} paging errors on checkout",
        (_, 250, _) => $"sev INC-{number} {(i / 500 % 2 == 0 ? 1 : 2)} impact moved between regions at step {i}",
        (_, _, 0) => $"update INC-{number} Payments still degraded in eu-west; p99 at {400 + i % 300} ms, next update in 30 minutes ({i})",
        _ => $"note INC-{number} Checked replica lag on db-{i % 7}: {i % 900} ms behind; rolling back deploy {1000 + i}",
    };

    private static async Task<List<Timings.Result>> ReadsAsync(HostUnderTest host, int number, int runs)
    {
        var reader = host.Services.GetRequiredService<IIncidentReader>();
        var cards = host.Services.GetRequiredService<IIncidentCards>();
        var warmup = Math.Max(3, runs / 20);
        var reviewBytes = 0L;
        var review = await Timings.MeasureAsync("GET /api/incidents/{n}/review.md (HTTP)", warmup, runs, 100,
            async () => reviewBytes = await GetReviewAsync(host, number));
        Console.WriteLine($"review.md is {reviewBytes / 1024.0:F0} KiB");

        var card = await Timings.MeasureAsync("incident card (fold + Teams and Slack render + JSON)", warmup, runs, 10, () =>
        {
            var incident = reader.Get(number) ?? throw new InvalidOperationException($"INC-{number} is gone");
            var teams = cards.Incident(PlatformNames.Teams, incident).ToJsonString();
            var slack = cards.Incident(PlatformNames.Slack, incident).ToJsonString();
            return teams.Length > 0 && slack.Length > 0 ? Task.CompletedTask : throw new InvalidOperationException("an empty card");
        });

        var status = await Timings.MeasureAsync("/incident status typed in the console (HTTP)", warmup, runs, 10,
            () => host.TypeAsync($"/incident status INC-{number}"));

        // review.md is written once per version and shared by its readers; this is the first read after each change
        // (a note typed untimed before each run), which writes it again from the new fold. Last: it adds events.
        var notes = 0;
        var changed = await Timings.MeasureAsync("GET review.md, first read after a note (HTTP)", warmup, runs, 100,
            () => GetReviewAsync(host, number),
            before: () => host.TypeAsync($"/incident note INC-{number} checked the replicas again ({++notes})"));
        return [review, card, status, changed];
    }
}
