using System.Globalization;
using ImtBot.Core.Effects;
using ImtBot.Core.Ports;
using ImtBot.Dispatch;

namespace ImtBot.Schedules;

/// <summary>
/// Runs the host-level jobs (the follow-up digest, the practice reminder) at the times of their schedules, on the host's
/// clock. A run is committed to the outbox like any effect — its steps together with the inbox key
/// <c>schedule:&lt;job&gt;:&lt;time&gt;</c>, in one transaction — so it happens once: a second runner, a retry or a restart
/// finds the key (or the setting <c>schedule:&lt;job&gt;:last</c>, which outlives the inbox window) and adds nothing.
/// A run missed while the host was down happens when it comes back, until the next one is due; runs before the host
/// first saw a job's schedule (<c>schedule:&lt;job&gt;:since</c>) are not made up, so turning a job on posts nothing at once.
/// </summary>
internal sealed partial class ScheduleRunner(
    IEnumerable<IScheduledJob> jobs, ICommandStore store, OutboxSignal signal, TimeProvider time, ILogger<ScheduleRunner> log) : BackgroundService
{
    private readonly IScheduledJob[] _jobs = [.. jobs];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public static string SinceKey(string job) => $"schedule:{job}:since";

    public static string LastKey(string job) => $"schedule:{job}:last";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A storage hiccup must not end the schedule: the next wake tries again, and a run not committed is still due.
                LogRunFailed(e);
            }

            var now = time.GetUtcNow();
            var next = _jobs.Where(j => j.Schedule is not null).Select(j => (DateTimeOffset?)j.Schedule!.Next(now)).Min();
            if (next is not { } due)
            {
                return;
            }

            try
            {
                // Wake at the next run, and at least hourly, so a run that failed above is tried again soon.
                var wait = due - now;
                await Task.Delay(wait < TimeSpan.FromHours(1) ? wait : TimeSpan.FromHours(1), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Commits every run that is due and not yet made (tests drive the schedule with this). Returns how many runs were committed.</summary>
    internal async Task<int> RunDueAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var committed = 0;
            foreach (var job in _jobs)
            {
                if (job.Schedule is { } schedule && await RunAsync(job, schedule, cancellationToken))
                {
                    committed++;
                }
            }

            if (committed > 0)
            {
                signal.Notify();
            }

            return committed;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> RunAsync(IScheduledJob job, Core.Schedules.ScheduleSpec schedule, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Parse(store.GetSetting(SinceKey(job.Name))) is not { } since)
        {
            await store.SetSettingAsync(SinceKey(job.Name), Format(now), cancellationToken);
            return false;
        }

        var run = schedule.Latest(now);
        if (run <= since || Parse(store.GetSetting(LastKey(job.Name))) is { } last && last >= run)
        {
            return false;
        }

        var stamp = run.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture);
        var inbox = $"schedule:{job.Name}:{stamp}";
        var made = false;
        if (store.FindInboxReply(inbox) is null)
        {
            var effects = job.Effects(now);
            var steps = effects.Select((e, i) => new NewStep(
                $"0:{e.Effect.Kind}:schedule:{job.Name}:{stamp}.{i}", 0, e.Platform, e.Effect.Kind, EffectKinds.Serialize(e.Effect), now)).ToList();
            var result = await store.CommitAsync(
                new CommitRequest(inbox, 0, 0, [], null, steps, $"{job.Name} run of {stamp}: {steps.Count} message(s)"), cancellationToken);
            made = result.Status == CommitStatus.Committed;
            LogRun(job.Name, run, steps.Count);
        }

        await store.SetSettingAsync(LastKey(job.Name), Format(run), cancellationToken);
        return made;
    }

    private static DateTimeOffset? Parse(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;

    private static string Format(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled {Job} run of {Run} committed with {Count} message(s)")]
    private partial void LogRun(string job, DateTimeOffset run, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "A scheduled run failed; it is tried again")]
    private partial void LogRunFailed(Exception e);
}
