using System.Diagnostics;
using System.Globalization;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Storage;

namespace ImtBot.Bench;

/// <summary>
/// Durable commits per second and commit latency: N concurrent writers each append to their own incident, one
/// commit at a time (inbox key + one chained event + snapshot + one outbox step, like a typical command), for a
/// fixed number of commits, with and without the checkpoint before acknowledgement.
/// </summary>
internal static class StorageLoad
{
    private static readonly UserRef Actor = new(PlatformNames.Console, "bench", "Bench");

    public static async Task<int> RunAsync(string[] args)
    {
        var scale = Option(args, "--scale", 1.0);
        var repeat = (int)Option(args, "--repeat", 3.0);
        var cases = new (int Writers, int Commits)[] { (1, 2_000), (8, 8_000), (64, 40_000) };
        Console.WriteLine($"ImtBot storage load, LiteDB 5.0.21, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}");
        Console.WriteLine($"each row: the run with the median commits/s of {repeat}");
        Console.WriteLine();
        Console.WriteLine("| writers | durability before ack | commits | commits/s | p50 ms | p99 ms | max ms | commits per batch |");
        Console.WriteLine("|---:|:---:|---:|---:|---:|---:|---:|---:|");
        foreach (var mode in new[] { DurabilityMode.Checkpoint, DurabilityMode.SyncLog, DurabilityMode.None })
        {
            foreach (var (writers, commits) in cases)
            {
                var total = Math.Max(writers, (int)(commits * scale));
                var runs = new List<Run>();
                for (var i = 0; i < repeat; i++)
                {
                    runs.Add(await RunCaseAsync(writers, total / writers, mode));
                }

                var r = runs.OrderBy(x => x.PerSecond).ElementAt(runs.Count / 2);
                Console.WriteLine(FormattableString.Invariant(
                    $"| {writers} | {mode} | {r.Commits} | {r.PerSecond:F0} | {r.P50:F2} | {r.P99:F2} | {r.Max:F2} | {r.PerBatch:F1} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"load average at the end {LoadAverage()}");
        return 0;
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed record Run(int Commits, double PerSecond, double P50, double P99, double Max, double PerBatch);

    private static async Task<Run> RunCaseAsync(int writers, int perWriter, DurabilityMode mode)
    {
        var folder = Path.Combine(Path.GetTempPath(), "imtbot-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var store = new LiteIncidentStore(new StorageOptions { Path = Path.Combine(folder, "bench.db"), Durability = mode });

            // Warm-up (JIT, file growth) on incidents the measured run does not touch.
            await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Writer(store, 100_000 + w, 20, null)));

            var latencies = new double[writers][];
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(() => Writer(store, w + 1, perWriter, latencies[w] = new double[perWriter]))));
            var elapsed = clock.Elapsed.TotalSeconds;

            var all = latencies.SelectMany(l => l).Order().ToArray();
            var st = store.Statistics;
            return new Run(all.Length, all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), all[^1], st.Items / (double)st.Batches);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task Writer(LiteIncidentStore store, int incident, int commits, double[]? latencies)
    {
        var version = 0L;
        var head = EventChain.GenesisHash;
        var at = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < commits; i++)
        {
            EventData data = i == 0
                ? new IncidentDeclared($"Bench {incident}", 3, IncidentKind.Drill, new ChannelRef(PlatformNames.Console, "general"), new SeverityPolicy(), ["commander"], ["commander"], [], null)
                : new NoteAdded($"note {i}");
            var e = EventChain.Append(head, incident, version + 1, at.AddSeconds(i), Actor, data);
            var snapshot = new IncidentSnapshot(incident, e.Sequence, $"Bench {incident}", 3, IncidentKind.Drill, IncidentStatus.Investigating, PlatformNames.Console, at, null, null, e.Hash);
            var step = new NewStep($"{incident}:post_note:{e.Sequence}", incident, PlatformNames.Console, "post_note", "{\"text\":\"note\"}", at);
            var request = new CommitRequest($"bench:{incident}:{e.Sequence}", incident, version, [e], snapshot, [step], "ok");

            var started = Stopwatch.GetTimestamp();
            var result = await store.CommitAsync(request);
            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (result.Status != CommitStatus.Committed)
            {
                throw new InvalidOperationException($"INC-{incident} commit {i} was {result.Status}");
            }

            if (latencies is not null)
            {
                latencies[i] = ms;
            }

            version = e.Sequence;
            head = e.Hash;
        }
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
