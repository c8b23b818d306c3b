using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;

namespace ImtBot.Bench;

/// <summary>
/// The host's memory and disk after N incidents: the real ImtBot executable as a child process (its own GC settings,
/// nothing of the benchmark's in its heap), N declarations typed in the console over HTTP, then — once the dispatcher
/// has run every effect due (channels, cards, announcements) — its resident set from <c>/proc/&lt;pid&gt;/status</c> and
/// the database's size per incident.
/// usage: footprint [--incidents 10000] [--concurrency 8] [--env NAME=value …] (environment for the child, e.g. DOTNET_GCHeapHardLimit=0x6000000)
///        [--gcdump FILE] (then a heap dump of the host, and its largest types by retained size: needs the dotnet-gcdump tool)
/// </summary>
internal static class Footprint
{
    public static async Task<int> RunAsync(string[] args)
    {
        var incidents = Timings.Option(args, "--incidents", 10_000);
        var concurrency = Timings.Option(args, "--concurrency", 8);
        var gcdump = args.SkipWhile(a => a != "--gcdump").Skip(1).FirstOrDefault();
        var environment = args.Select((a, i) => a == "--env" && i + 1 < args.Length ? args[i + 1] : null).OfType<string>().ToList();
        var folder = Path.Combine(Path.GetTempPath(), "imtbot-footprint-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "footprint.db");
        var port = FreePort();
        using var host = StartHost(database, port, environment);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await WaitReadyAsync(http, host);
            await Task.Delay(2000);
            var idle = Memory(host.Id);

            var clock = Stopwatch.StartNew();
            var failures = await DeclareAsync(http, incidents, concurrency);
            var declared = clock.Elapsed;
            await SettleAsync(http, TimeSpan.FromMinutes(15));
            var settled = clock.Elapsed;
            await Task.Delay(5000);
            var after = Memory(host.Id);
            var disk = Directory.GetFiles(folder, "footprint*.db").Sum(f => new FileInfo(f).Length);

            Console.WriteLine();
            Console.WriteLine($"footprint: {incidents:N0} declarations typed in the console ({concurrency} at a time) in {declared.TotalSeconds:F0} s, effects settled at {settled.TotalSeconds:F0} s; " +
                              $"child environment: {(environment.Count == 0 ? "default" : string.Join(' ', environment))}; load average {Timings.LoadAverage()}");
            Console.WriteLine("| incidents | RSS at start MB | RSS after MB | peak RSS MB | database MB (with log) | KB per incident | target | met |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---|:---:|");
            Console.WriteLine(FormattableString.Invariant(
                $"| {incidents:N0} | {Timings.Mb(idle.Rss)} | {Timings.Mb(after.Rss)} | {Timings.Mb(after.Peak)} | {Timings.Mb(disk)} | {disk / 1024.0 / incidents:F1} | RSS ≤ 150 MB | {(after.Rss <= 150L * 1024 * 1024 ? "yes" : "no")} |"));
            if (gcdump is not null)
            {
                await HeapDumpAsync(host.Id, Path.GetFullPath(gcdump));
            }

            if (failures > 0)
            {
                Console.Error.WriteLine($"{failures} declarations failed");
                return 1;
            }

            return 0;
        }
        finally
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>What holds the host's managed memory: a heap dump, and the types that retain the most of it.</summary>
    private static async Task HeapDumpAsync(int pid, string file)
    {
        foreach (var arguments in new[] { $"collect -p {pid} -o \"{file}\"", $"report \"{file}\"" })
        {
            using var tool = Process.Start(new ProcessStartInfo("dotnet-gcdump", arguments) { UseShellExecute = false, RedirectStandardOutput = true })
                ?? throw new InvalidOperationException("dotnet-gcdump did not start (dotnet tool install -g dotnet-gcdump)");
            var output = await tool.StandardOutput.ReadToEndAsync();
            await tool.WaitForExitAsync();
            Console.WriteLine(string.Join('\n', output.Split('\n').Take(40)));
        }
    }

    private static Process StartHost(string database, int port, IEnumerable<string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(database)! };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ImtBot.dll"));
        foreach (var setting in HostUnderTest.SettingsFor(database))
        {
            start.ArgumentList.Add("--" + (setting.StartsWith("urls=", StringComparison.Ordinal) ? $"urls=http://127.0.0.1:{port}" : setting));
        }

        foreach (var pair in environment)
        {
            var (name, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 })
            {
                Console.Error.WriteLine("host: " + e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitReadyAsync(HttpClient http, Process host)
    {
        var until = DateTime.UtcNow.AddMinutes(2);
        while (DateTime.UtcNow < until && !host.HasExited)
        {
            try
            {
                using var response = await http.GetAsync("/readyz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new InvalidOperationException("the host did not become ready");
    }

    /// <summary>Types <c>/incident declare …</c> N times from C clients; returns how many were not accepted.</summary>
    private static async Task<int> DeclareAsync(HttpClient http, int incidents, int concurrency)
    {
        var next = 0;
        var failures = 0;
        async Task Client()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= incidents)
            {
                using var response = await http.PostAsJsonAsync("/api/console/messages", new { user = "alice", channel = "general", text = $"/incident declare Footprint incident {i} sev3", id = $"footprint-{i}" });
                var body = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode || !body.Contains("\"accepted\":true", StringComparison.Ordinal))
                {
                    if (Interlocked.Increment(ref failures) <= 5)
                    {
                        Console.Error.WriteLine($"declaration {i}: {(int)response.StatusCode} {body}");
                    }
                }

                if (i % 1000 == 0)
                {
                    Console.WriteLine($"  {i:N0} declared; load {Timings.LoadAverage()}");
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Client)));
        return failures;
    }

    /// <summary>Waits until the host's own gauge says no outbox step is overdue, twice in a row (future timers may wait).</summary>
    private static async Task SettleAsync(HttpClient http, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        var quiet = 0;
        while (quiet < 2)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("the dispatcher did not catch up");
            }

            await Task.Delay(1000);
            var metrics = await http.GetStringAsync("/metrics");
            var line = metrics.Split('\n').First(l => l.StartsWith("imtbot_outbox_oldest_due_age_seconds ", StringComparison.Ordinal));
            quiet = double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture) < 1 ? quiet + 1 : 0;
        }
    }

    private static (long Rss, long Peak) Memory(int pid)
    {
        var lines = File.ReadAllLines($"/proc/{pid}/status");
        long Kb(string name) => long.Parse(lines.First(l => l.StartsWith(name, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        return (Kb("VmRSS:"), Kb("VmHWM:"));
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
