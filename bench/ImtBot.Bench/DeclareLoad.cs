using System.Diagnostics;
using System.Globalization;
using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Storage;

namespace ImtBot.Bench;

/// <summary>
/// The durable declaration without HTTP: C concurrent callers each send <c>declare … sev3</c> through the real
/// <see cref="IncidentService"/> onto the real store (default options, every reply after its fsync), for S seconds
/// after a warm-up. What is left is the domain and the single writer: the ceiling under the Slack benchmark.
/// usage: declare [--concurrency 64] [--seconds 10] [--durability SyncLog] [--keys random|ordered]
/// </summary>
internal static class DeclareLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var concurrency = (int)Option(args, "--concurrency", 64);
        var seconds = Option(args, "--seconds", 10);
        var durability = Enum.Parse<DurabilityMode>(Text(args, "--durability", nameof(DurabilityMode.SyncLog)));

        // Dedupe keys as platforms make them: Slack event ids and Teams activity ids are random strings; "ordered"
        // gives keys that sort in arrival order (the cheap case for an index).
        var randomKeys = Text(args, "--keys", "random") == "random";
        var folder = Path.Combine(Path.GetTempPath(), "imtbot-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var store = new LiteIncidentStore(new StorageOptions { Path = Path.Combine(folder, "bench.db"), Durability = durability });
            var service = new IncidentService(store, TimeProvider.System, new IncidentOptions());
            var next = 0;

            async Task<List<double>> Caller(DateTime until)
            {
                var latencies = new List<double>();
                while (DateTime.UtcNow < until)
                {
                    var i = Interlocked.Increment(ref next);
                    var command = new ChatCommand($"declare Bench incident {i} sev3", new UserRef(PlatformNames.Console, $"U{i % 50}", $"user{i % 50}"), new ChannelRef(PlatformNames.Console, "general"), randomKeys ? $"Ev{Guid.NewGuid():N}" : $"bench:{i:D12}");
                    var started = Stopwatch.GetTimestamp();
                    var reply = await service.HandleAsync(command);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    if (!reply.Accepted)
                    {
                        throw new InvalidOperationException($"declaration {i} was refused: {reply.Text}");
                    }
                }

                return latencies;
            }

            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => Caller(DateTime.UtcNow.AddSeconds(3)))));
            var before = store.Statistics;
            var cpuBefore = (Process: Process.GetCurrentProcess().TotalProcessorTime, Writer: WriterThreadsCpu());
            var clock = Stopwatch.StartNew();
            var runs = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => Caller(DateTime.UtcNow.AddSeconds(seconds)))));
            var elapsed = clock.Elapsed;
            var after = store.Statistics;
            var cpuAfter = (Process: Process.GetCurrentProcess().TotalProcessorTime, Writer: WriterThreadsCpu());
            var all = runs.SelectMany(r => r).Order().ToArray();
            Console.WriteLine(FormattableString.Invariant(
                $"declare: {concurrency} concurrent, {durability}, {(randomKeys ? "random" : "ordered")} keys, {all.Length} in {elapsed.TotalSeconds:F1} s: {all.Length / elapsed.TotalSeconds:F0}/s, p50 {Percentile(all, 0.5):F2} ms, p99 {Percentile(all, 0.99):F2} ms, max {all[^1]:F2} ms; writer busy {(after.Applying - before.Applying) / elapsed:P0} applying, fsync busy {(after.Checkpointing - before.Checkpointing) / elapsed:P0}, {(after.Items - before.Items) / (double)Math.Max(1, after.Batches - before.Batches):F1} items per batch; CPU per declaration {(cpuAfter.Process - cpuBefore.Process).TotalMicroseconds / all.Length:F0} µs, of it the writer and log sync threads {(cpuAfter.Writer - cpuBefore.Writer).TotalMicroseconds / all.Length:F0} µs; load average {LoadAverage()}"));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double Option(string[] args, string name, double fallback) =>
        double.Parse(Text(args, name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

    private static string Text(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    /// <summary>CPU time of the store's writer and log-sync threads (Linux: /proc; zero elsewhere), which CPU contention does not inflate.</summary>
    private static TimeSpan WriterThreadsCpu()
    {
        if (!Directory.Exists("/proc/self/task"))
        {
            return TimeSpan.Zero;
        }

        long ticks = 0;
        foreach (var task in Directory.GetDirectories("/proc/self/task"))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(task, "comm")).StartsWith("ImtBot.Storage", StringComparison.Ordinal))
                {
                    continue;
                }

                // Fields after the ")" closing the name: state is the first, utime and stime the 12th and 13th.
                var stat = File.ReadAllText(Path.Combine(task, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The thread ended between the listing and the read.
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
