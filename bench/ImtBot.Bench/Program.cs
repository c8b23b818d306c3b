using ImtBot.Bench;

// Load drivers and fault drills, run in Release (see bench/RESULTS-storage.md).
return args.FirstOrDefault() switch
{
    "storage" => await StorageLoad.RunAsync(args.Skip(1).ToArray()),
    "declare" => await DeclareLoad.RunAsync(args.Skip(1).ToArray()),
    "diskfull" => await StorageDiskFull.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/ImtBot.Bench -- storage [--scale 1.0]");
    Console.WriteLine("       dotnet run -c Release --project bench/ImtBot.Bench -- declare [--concurrency 64] [--seconds 10] [--durability SyncLog] [--keys random|ordered]");
    Console.WriteLine("       dotnet run -c Release --project bench/ImtBot.Bench -- diskfull <folder on a small file system> <Checkpoint|SyncLog>");
    return 2;
}
