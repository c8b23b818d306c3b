using ImtBot.Bench;

// Load drivers, run in Release: dotnet run -c Release --project bench/ImtBot.Bench -- storage [--scale 1.0]
return args.FirstOrDefault() switch
{
    "storage" => await StorageLoad.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project bench/ImtBot.Bench -- storage [--scale 1.0]");
    return 2;
}
