using Xunit.Abstractions;

namespace ImtBot.Tests.Dispatch.Chaos;

/// <summary>
/// The crash-and-outage suite (<see cref="CrashAndOutageRun"/>). The short run here kills the bot a few times; the long
/// run is the same test with <c>IMTBOT_CRASH_KILLS</c> set (README §Crash-and-outage suite), and
/// <c>IMTBOT_CRASH_SEED</c> replays a run.
/// </summary>
public sealed class CrashAndOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RandomKillsUnderLoadAndSlackFaults_NothingAcknowledgedLostOrDoubled()
    {
        var kills = int.TryParse(Environment.GetEnvironmentVariable("IMTBOT_CRASH_KILLS"), out var k) && k > 0 ? k : 3;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("IMTBOT_CRASH_SEED"), out var s) ? s : Environment.TickCount & 0xFFFF;
        output.WriteLine($"seed {seed}");

        var result = await CrashAndOutageRun.RunAsync(kills, seed, line =>
        {
            output.WriteLine(line);
            Console.WriteLine(line);
        });

        output.WriteLine(result.ToString());
        Console.WriteLine("crash-and-outage: " + result);
        Assert.True(result.Problems.Count == 0, $"seed {seed}: " + string.Join(Environment.NewLine, result.Problems.Take(20)));
        Assert.Equal(kills, result.Kills);
        Assert.True(result.Acknowledged > 0 && result.AcknowledgedOnSlack > 0, "the load was acknowledged on both platforms");
    }
}
