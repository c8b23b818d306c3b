using System.Diagnostics;
using ImtBot.Core.Commands;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Storage;

namespace ImtBot.Bench;

/// <summary>
/// <c>imtbot verify</c> of a database of <c>incidents × events</c> events (1,000 × 1,000 by default), run as the
/// operator runs it: the ImtBot executable as a child process. The database is built once through the store: each
/// incident declared through the real <see cref="IncidentService"/>, then its notes chained and committed 100 per commit
/// through <see cref="LiteIncidentStore.CommitAsync"/> (the command path would take hours for a million events).
/// </summary>
internal static class BigVerify
{
    private const int EventsPerCommit = 100;

    public static async Task<Timings.Result> RunAsync(string folder, int incidents, int eventsEach)
    {
        var path = Path.Combine(folder, "verify.db");
        var clock = Stopwatch.StartNew();
        await BuildAsync(path, incidents, eventsEach);
        var size = new FileInfo(path).Length;
        Console.WriteLine($"built {incidents:N0} incidents × {eventsEach:N0} events = {(long)incidents * eventsEach:N0} events in {clock.Elapsed.TotalSeconds:F0} s: {Timings.Mb(size)} MB ({size / ((double)incidents * eventsEach):F0} bytes per event)");

        // Three runs of the real verb; the first also pays for reading the file into the page cache.
        return await Timings.MeasureAsync($"imtbot verify, {(long)incidents * eventsEach:N0} events (child process)", warmup: 0, runs: 3, targetMs: 10_000, async () =>
        {
            var (exit, output) = await VerifyAsync(path);
            var lastLines = string.Join(" / ", output.Split('\n', StringSplitOptions.RemoveEmptyEntries).TakeLast(2));
            Console.WriteLine($"  verify exit {exit}: {lastLines}");
            if (exit != 0 || !output.Contains($"{incidents} incidents verified, 0 broken", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"imtbot verify failed (exit {exit}): {lastLines}");
            }
        });
    }

    private static async Task BuildAsync(string path, int incidents, int eventsEach)
    {
        using var store = new LiteIncidentStore(new StorageOptions { Path = path, Durability = DurabilityMode.None });
        var service = new IncidentService(store, TimeProvider.System, new IncidentOptions());
        var next = 0;
        async Task Builder()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) <= incidents)
            {
                await BuildIncidentAsync(store, service, i, eventsEach);
            }
        }

        // Several incidents at once, as a busy bot writes them: commits share transactions (group commit).
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(Builder)));
    }

    private static async Task BuildIncidentAsync(LiteIncidentStore store, IncidentService service, int i, int eventsEach)
    {
        var actor = new UserRef(PlatformNames.Console, $"u{i % 40}", $"Responder {i % 40}");
        var declared = await service.HandleAsync(new ChatCommand($"declare Verify load incident {i} sev3", actor, new ChannelRef(PlatformNames.Console, "general"), $"verify:{i}"));
        var number = declared.Incident ?? throw new InvalidOperationException($"declaration {i} was refused: {declared.Text}");
        var snapshot = store.FindIncident(number)!;
        var at = snapshot.DeclaredAt;
        while (snapshot.Version < eventsEach)
        {
            var batch = new List<IncidentEvent>();
            var head = snapshot.Head;
            for (var seq = snapshot.Version + 1; seq <= Math.Min(eventsEach, snapshot.Version + EventsPerCommit); seq++)
            {
                at = at.AddSeconds(7);
                var e = EventChain.Append(head, number, seq, at, actor, new NoteAdded($"Checked replica lag on db-{seq % 7}: {seq % 900} ms behind; rolling back deploy {1000 + seq}"));
                batch.Add(e);
                head = e.Hash;
            }

            var after = snapshot with { Version = batch[^1].Sequence, Head = head };
            var result = await store.CommitAsync(new CommitRequest(null, number, snapshot.Version, batch, after, [], "noted"));
            if (result.Status != CommitStatus.Committed)
            {
                throw new InvalidOperationException($"INC-{number}: commit at {snapshot.Version} was {result.Status}");
            }

            snapshot = after;
        }
    }

    /// <summary>Runs <c>ImtBot verify --Storage:Path=…</c> (the ImtBot build beside this one) and returns its exit code and output.</summary>
    private static async Task<(int Exit, string Output)> VerifyAsync(string path)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[Path.Combine(AppContext.BaseDirectory, "ImtBot.dll"), "verify", $"--Storage:Path={path}"])
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
