using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Storage;

// The second process of the storage tests.
//   <db>                       open the store and close it. Exit 0 opened, 1 refused (another process holds it).
//   <db> commit <durability>   commit incidents 1, 2, 3… one at a time, printing "acked n" after each, until killed.
// Exit 2 on bad usage.
if (args.Length is not (1 or 3) || (args.Length == 3 && args[1] != "commit"))
{
    Console.Error.WriteLine("usage: ImtBot.Storage.LockProbe <database path> [commit <Checkpoint|SyncLog|None>]");
    return 2;
}

try
{
    var durability = args.Length == 3 ? Enum.Parse<DurabilityMode>(args[2]) : DurabilityMode.Checkpoint;
    using var store = new LiteIncidentStore(new StorageOptions { Path = args[0], Durability = durability });
    Console.WriteLine($"opened {store.Path}");
    if (args.Length == 3)
    {
        var actor = new UserRef(PlatformNames.Console, "probe", "Probe");
        for (var n = 1; ; n++)
        {
            var at = DateTimeOffset.UtcNow;
            var e = EventChain.Append(EventChain.GenesisHash, n, 1, at, actor, new NoteAdded($"incident {n}"));
            var snapshot = new IncidentSnapshot(n, 1, $"Crash {n}", 3, IncidentKind.Drill, IncidentStatus.Declared, PlatformNames.Console, at, null, null, e.Hash);
            var step = new NewStep($"{n}:post_card:1", n, PlatformNames.Console, "post_card", "{}", at);
            var result = await store.CommitAsync(new CommitRequest($"probe:{n}", n, 0, [e], snapshot, [step], "ok"));
            Console.WriteLine($"acked {n} {result.Status}");
        }
    }

    return 0;
}
catch (DatabaseLockedException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
