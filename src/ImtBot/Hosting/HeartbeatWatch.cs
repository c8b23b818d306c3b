using ImtBot.Core.Alerts;
using Microsoft.Extensions.Options;

namespace ImtBot.Hosting;

/// <summary>Checks the heartbeats every few seconds (on the host's clock) while any is configured.</summary>
internal sealed class HeartbeatWatch(HeartbeatMonitor monitor, IOptions<AlertOptions> options, TimeProvider time, ILogger<HeartbeatWatch> log) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Heartbeats.Count == 0)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await monitor.CheckAsync(stoppingToken);
                await Task.Delay(Every, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A storage hiccup must not stop the watch: the next check tries again.
                log.LogError(e, "Checking the heartbeats failed");
                await Task.Delay(Every, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
