// Benchmarks are added by the storage, Slack and Teams issues; see README "Performance".
Console.WriteLine("usage: dotnet run -c Release --project bench/ImtBot.Bench -- <benchmark>");
