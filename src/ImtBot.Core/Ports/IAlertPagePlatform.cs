using ImtBot.Core.Alerts.Pages;
using ImtBot.Core.Effects;

namespace ImtBot.Core.Ports;

/// <summary>
/// A chat platform that carries alert pages: the page card in a direct message (<see cref="SendPage"/>), redrawn in place
/// (<see cref="SyncPageCard"/>), a direct message (<see cref="NotifyUser"/>) and the announcements channel (<see cref="Announce"/>).
/// An alert page has no channel, so nothing else is asked of it.
/// </summary>
public interface IAlertPagePlatform
{
    Task<EffectOutcome> ExecuteAlertPageAsync(AlertPageEffectContext context, CancellationToken cancellationToken);
}

/// <summary>What a platform needs to run one outbox step of an alert page: like <see cref="EffectContext"/>, with the alert page for the incident.</summary>
public sealed record AlertPageEffectContext(string StepKey, AlertPage Page, Effect Effect, IReadOnlyDictionary<string, string> Links, int Attempt, DateTimeOffset Now)
{
    /// <summary>Notes links durably before acting, as <see cref="EffectContext.Note"/>.</summary>
    public StepNote? Note { get; init; }
}
