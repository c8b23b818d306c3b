using ImtBot.Core.Ports;

namespace ImtBot.Core.Alerts;

/// <summary>
/// Keeps the dead man's switches: a beat stores its time (a setting, so a restart keeps it); a check finds every
/// heartbeat whose interval has passed since its last beat and raises its alert once; a beat after that resolves it.
/// Before the first beat the interval counts from when ImtBot began to watch the heartbeat.
/// </summary>
public sealed class HeartbeatMonitor(AlertIntake intake, ISettingsStore settings, AlertOptions options, TimeProvider time)
{
    /// <summary>Records a beat; true when the heartbeat had been reported missing and is now back.</summary>
    public async Task<bool> BeatAsync(string name, CancellationToken cancellationToken = default)
    {
        var beat = options.Heartbeats[name];
        var previous = Heartbeats.Parse(settings.GetSetting(Heartbeats.SettingKey(name)));
        await settings.SetSettingAsync(Heartbeats.SettingKey(name), Heartbeats.Format(time.GetUtcNow()), cancellationToken);
        if (previous is not { } last || !intake.IsFiring(Heartbeats.Fingerprint(name)))
        {
            return false;
        }

        await intake.ReceiveAsync([Heartbeats.Alert(name, AlertState.Resolved, last + beat.Interval, beat.Interval)], cancellationToken);
        return true;
    }

    /// <summary>Raises the alert of every heartbeat overdue and not yet reported; returns how many were raised.</summary>
    public async Task<int> CheckAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var raised = 0;
        foreach (var (name, beat) in options.Heartbeats)
        {
            if (Heartbeats.Parse(settings.GetSetting(Heartbeats.SettingKey(name))) is not { } last)
            {
                await settings.SetSettingAsync(Heartbeats.SettingKey(name), Heartbeats.Format(now), cancellationToken);
                continue;
            }

            if (now - last <= beat.Interval || intake.IsFiring(Heartbeats.Fingerprint(name)))
            {
                continue;
            }

            // The same start for every check of one silence: the inbox answers a second raise, so it pages once.
            await intake.ReceiveAsync([Heartbeats.Alert(name, AlertState.Firing, last + beat.Interval, beat.Interval)], cancellationToken);
            raised++;
        }

        return raised;
    }
}
