using System.Diagnostics;
using System.Globalization;

namespace ImtBot.Bench;

/// <summary>Repeated timings of one operation: warm-up first, then median, p99 and max of N runs.</summary>
internal static class Timings
{
    public sealed record Result(string Name, int Runs, double Median, double P99, double Max, string Target, bool Met);

    /// <summary>Runs <paramref name="operation"/> <paramref name="warmup"/> times untimed, then <paramref name="runs"/> times timed (ms).</summary>
    /// <param name="before">Run untimed before each timed run (e.g. a write, so the read timed is the first of a new version).</param>
    public static async Task<Result> MeasureAsync(string name, int warmup, int runs, double targetMs, Func<Task> operation, Func<Task>? before = null)
    {
        for (var i = 0; i < warmup; i++)
        {
            await operation();
        }

        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            if (before is not null)
            {
                await before();
            }

            var started = Stopwatch.GetTimestamp();
            await operation();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(times);
        var p99 = Percentile(times, 0.99);
        return new Result(name, runs, Percentile(times, 0.5), p99, times[^1], FormattableString.Invariant($"< {targetMs:0.#} ms"), p99 < targetMs);
    }

    public static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static void Print(IEnumerable<Result> results)
    {
        Console.WriteLine("| what | runs | median ms | p99 ms | max ms | target (p99) | met |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|:---:|");
        foreach (var r in results)
        {
            Console.WriteLine(FormattableString.Invariant($"| {r.Name} | {r.Runs} | {r.Median:F2} | {r.P99:F2} | {r.Max:F2} | {r.Target} | {(r.Met ? "yes" : "no")} |"));
        }
    }

    /// <summary>The 1-, 5- and 15-minute load averages (Linux), printed with every result: the machine is shared.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("F1", CultureInfo.InvariantCulture);

    public static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    public static bool Flag(string[] args, string name) => args.Contains(name);
}
