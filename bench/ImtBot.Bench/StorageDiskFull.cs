using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Storage;

namespace ImtBot.Bench;

/// <summary>
/// A full disk, for real (docs/reliability.md §Durability): point it at a folder on a small file system (e.g. a 1 MB tmpfs). It fills the
/// space with a ballast file, commits until the disk is full, checks the store reports not ready and refuses to
/// acknowledge, deletes the ballast, probes (the store recreates its LiteDatabase), commits again and verifies that
/// every acknowledged commit is there with an intact chain. Exit code 0 when all of that holds.
/// </summary>
internal static class StorageDiskFull
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: ... -- diskfull <folder on a small file system> <Checkpoint|SyncLog>");
            return 2;
        }

        var folder = args[0];
        var mode = Enum.Parse<DurabilityMode>(args[1]);
        var ballast = Path.Combine(folder, "ballast.bin");
        var dbPath = Path.Combine(folder, $"diskfull-{Guid.NewGuid():N}.db");
        using var store = new LiteIncidentStore(new StorageOptions { Path = dbPath, Durability = mode });
        Fill(ballast, new DriveInfo(folder).AvailableFreeSpace - (256 * 1024));

        var acknowledged = new List<int>();
        Exception? fault = null;
        for (var n = 1; n <= 10_000 && fault is null; n++)
        {
            try
            {
                var status = (await store.CommitAsync(Declare(n, new string('x', 4_000)))).Status;
                if (status == CommitStatus.Committed)
                {
                    acknowledged.Add(n);
                }
            }
            catch (StorageUnavailableException e)
            {
                fault = e;
            }
        }

        var failures = new List<string>();
        Console.WriteLine($"{mode}: acknowledged {acknowledged.Count} commits, then: {fault?.Message ?? "no fault (file system too large?)"}");
        Console.WriteLine($"health while full: {store.Health}");
        Check(fault is not null, "the disk never filled up", failures);
        Check(!store.IsReady, "the store should be not ready while the disk is full", failures);

        File.Delete(ballast);
        var health = await store.ProbeAsync();
        Console.WriteLine($"health after freeing space: {health}");
        Check(health.Ready, "the store should recover once space is free", failures);

        var next = acknowledged.Count + 1;
        var retry = (await store.CommitAsync(Declare(next, "after the disk was freed"))).Status;
        Console.WriteLine($"retry of the refused commit: {retry} (Duplicate if it had reached the log before the fault)");
        var broken = acknowledged.Where(n => !store.Verify(n).Valid).ToList();
        var missing = acknowledged.Where(n => store.FindIncident(n) is null).ToList();
        Console.WriteLine($"acknowledged commits present: {acknowledged.Count - missing.Count}/{acknowledged.Count}, chains broken: {broken.Count}");
        Check(missing.Count == 0 && broken.Count == 0, "every acknowledged commit must be present and verify", failures);
        foreach (var failure in failures)
        {
            Console.Error.WriteLine("FAIL: " + failure);
        }

        return failures.Count == 0 ? 0 : 1;
    }

    private static void Check(bool condition, string failure, List<string> failures)
    {
        if (!condition)
        {
            failures.Add(failure);
        }
    }

    private static void Fill(string path, long bytes)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        var chunk = new byte[64 * 1024];
        for (long written = 0; written < bytes; written += chunk.Length)
        {
            file.Write(chunk, 0, (int)Math.Min(chunk.Length, bytes - written));
        }
    }

    private static CommitRequest Declare(int n, string text)
    {
        var actor = new UserRef(PlatformNames.Console, "bench", "Bench");
        var at = new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
        var e = EventChain.Append(EventChain.GenesisHash, n, 1, at, actor, new NoteAdded(text));
        var snapshot = new IncidentSnapshot(n, 1, $"Disk full {n}", 2, IncidentKind.Drill, IncidentStatus.Declared, PlatformNames.Console, at, null, null, e.Hash);
        return new CommitRequest($"diskfull:{n}", n, 0, [e], snapshot, [], "ok");
    }
}
