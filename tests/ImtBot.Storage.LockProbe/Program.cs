using ImtBot.Storage;

// Exit codes: 0 opened (and closed) the store, 1 refused because another process holds it, 2 bad usage.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: ImtBot.Storage.LockProbe <database path>");
    return 2;
}

try
{
    using var store = new LiteIncidentStore(new StorageOptions { Path = args[0] });
    Console.WriteLine($"opened {store.Path}");
    return 0;
}
catch (DatabaseLockedException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
