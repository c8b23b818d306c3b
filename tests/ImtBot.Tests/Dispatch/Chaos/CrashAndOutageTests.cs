using Xunit.Abstractions;

namespace ImtBot.Tests.Dispatch.Chaos;

/// <summary>
/// The crash-and-outage suite (<see cref="CrashAndOutageRun"/>). The short run here kills the bot a few times; the long
/// run is the same test with <c>IMTBOT_CRASH_KILLS</c> set (README §Crash-and-outage suite), and
/// <c>IMTBOT_CRASH_SEED</c> replays a run. <c>IMTBOT_CRASH_LANES</c> splits the kills over that many independent runs at
/// once (seed, seed+1, …; each its own bot, database and fake Slack): a run spends most of its time waiting for a child
/// to start or for its answers, so lanes finish a thousand kills in a fraction of the time on two cores.
/// </summary>
public sealed class CrashAndOutageTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RandomKillsUnderLoadAndSlackFaults_NothingAcknowledgedLostOrDoubled()
    {
        var kills = Setting("IMTBOT_CRASH_KILLS") is { } k and > 0 ? k : 3;
        var lanes = Math.Clamp(Setting("IMTBOT_CRASH_LANES") ?? 1, 1, kills);
        var seed = Setting("IMTBOT_CRASH_SEED") ?? Environment.TickCount & 0xFFFF;
        output.WriteLine($"seed {seed}, {lanes} lane(s)");

        var runs = Enumerable.Range(0, lanes).Select(lane =>
        {
            var share = kills / lanes + (lane < kills % lanes ? 1 : 0);
            var prefix = lanes == 1 ? "" : $"lane {lane + 1} (seed {seed + lane}): ";
            return CrashAndOutageRun.RunAsync(share, seed + lane, line =>
            {
                output.WriteLine(prefix + line);
                Console.WriteLine(prefix + line);
            });
        });
        var results = await Task.WhenAll(runs);
        var result = CrashAndOutageResult.Sum(results);

        output.WriteLine(result.ToString());
        Console.WriteLine("crash-and-outage: " + result);
        Assert.True(result.Problems.Count == 0, string.Join(Environment.NewLine, result.Problems.Take(20)));
        Assert.Equal(kills, result.Kills);
        Assert.True(result.Acknowledged > 0 && result.AcknowledgedOnSlack > 0, "the load was acknowledged on both platforms");
    }

    private static int? Setting(string name) => int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : null;
}
