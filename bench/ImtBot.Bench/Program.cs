using ImtBot.Bench;

// Load drivers and fault drills, run in Release (see bench/RESULTS-storage.md).
return args.FirstOrDefault() switch
{
    "storage" => await StorageLoad.RunAsync(args.Skip(1).ToArray()),
    "declare" => await DeclareLoad.RunAsync(args.Skip(1).ToArray()),
    "diskfull" => await StorageDiskFull.RunAsync(args.Skip(1).ToArray()),
    "big" => await BigIncident.RunAsync(args.Skip(1).ToArray()),
    "footprint" => await Footprint.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/ImtBot.Bench -- storage [--scale 1.0]");
    Console.WriteLine("       dotnet run -c Release --project bench/ImtBot.Bench -- declare [--concurrency 64] [--seconds 10] [--durability SyncLog] [--keys random|ordered]");
    Console.WriteLine("       dotnet run -c Release --project bench/ImtBot.Bench -- diskfull <folder on a small file system> <Checkpoint|SyncLog>");
    Console.WriteLine("       dotnet run -c Release --project bench/ImtBot.Bench -- big [--events 10000] [--runs 200] [--verify-incidents 1000] [--verify-events 1000] [--no-verify]");
    Console.WriteLine("       dotnet run -c Release --project bench/ImtBot.Bench -- footprint [--incidents 10000] [--concurrency 8] [--env NAME=value …]");
    return 2;
}
