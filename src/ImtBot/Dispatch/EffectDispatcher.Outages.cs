using ImtBot.Core.Effects;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;

namespace ImtBot.Dispatch;

/// <summary>
/// Outages (docs/reliability.md §Outages): every platform answer or fault updates <see cref="PlatformHealth"/>. When
/// a platform has kept failing for <see cref="DispatcherOptions.TellAfter"/>, the commander of each incident it holds
/// back is told once, by direct message on the incident's platform or, that failing, on the console; and told again
/// when it answers.
/// </summary>
internal sealed partial class EffectDispatcher
{
    private async Task WatchHealthAsync(OutboxStep step, EffectOutcome outcome, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (step.Kind == TimerKind || !_platforms.ContainsKey(step.Platform) || outcome.Deferred || outcome.Pacing != EffectPacing.None)
        {
            return; // a timer runs here, and a deferral or a wait for a turn is no answer at all: none says anything about the platform
        }

        if (outcome.Kind == EffectOutcomeKind.Retry)
        {
            var outage = health.Failed(step.Platform, step.Incident, now);
            if (now - outage.Since >= _options.TellAfter && outage.TryMarkTold())
            {
                LogOutage(step.Platform, outage.Since);
                await TellAsync(outage, step.Platform, n => DeliveryNotices.Failing(n.Key, step.Platform, outage.Since, now), cancellationToken);
            }
        }
        else if (health.Answered(step.Platform) is { Told: true } ended)
        {
            LogRecovered(step.Platform, ended.Since);
            await TellAsync(ended, step.Platform, n => DeliveryNotices.Recovered(n.Key, step.Platform), cancellationToken);
        }
    }

    private async Task TellAsync(Outage outage, string platform, Func<Incident, string> text, CancellationToken cancellationToken)
    {
        foreach (var number in outage.Incidents.Keys.Order())
        {
            if (incidents.Get(number) is not { } incident)
            {
                continue;
            }

            var to = incident.Commander ?? incident.DeclaredBy;
            var notice = new NotifyUser(to, text(incident));
            var key = $"{number}:outage:{outage.Since.UtcTicks}";
            if (!await TryTellAsync(_platforms[platform], key, incident, notice, cancellationToken)
                && platform != PlatformNames.Console && _platforms.TryGetValue(PlatformNames.Console, out var console))
            {
                await TryTellAsync(console, key, incident, notice, cancellationToken);
            }
        }
    }

    /// <summary>Best effort and not an outbox step: news of an outage is worth nothing once the outage is over.</summary>
    private async Task<bool> TryTellAsync(IChatPlatform platform, string key, Incident incident, NotifyUser notice, CancellationToken cancellationToken)
    {
        try
        {
            var outcome = await platform.ExecuteAsync(new EffectContext(key, incident, notice, store.GetLinks(incident.Number), 1), cancellationToken);
            return outcome.Kind == EffectOutcomeKind.Done;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogNoticeFailed(e, key);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Platform} platform has been failing since {Since}; telling the commanders of the incidents it holds back")]
    private partial void LogOutage(string platform, DateTimeOffset since);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Platform} platform answers again (it had failed since {Since})")]
    private partial void LogRecovered(string platform, DateTimeOffset since);
}
