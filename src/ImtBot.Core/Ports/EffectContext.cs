using ImtBot.Core.Effects;
using ImtBot.Core.Incidents;

namespace ImtBot.Core.Ports;

/// <summary>
/// What a platform needs to run one outbox step: the step key, the incident as it is now, the effect, the links
/// learned so far (channel id, card message id…), and the attempt number. <see cref="Attempt"/> &gt; 1 means an
/// earlier attempt may have reached the platform: reconcile before creating anything again.
/// </summary>
public sealed record EffectContext(string StepKey, Incident Incident, Effect Effect, IReadOnlyDictionary<string, string> Links, int Attempt)
{
    /// <summary>When the step was first tried (or made, if that is not known): nothing it posted can be older, so a reconcile searches from here.</summary>
    public DateTimeOffset? FirstTriedAt { get; init; }

    /// <summary>
    /// Notes links durably before acting (see <see cref="StepNote"/>); set by the dispatcher on every step it runs. Null
    /// for a context made without a step behind it: a platform then cannot rely on notes of earlier attempts.
    /// </summary>
    public StepNote? Note { get; init; }
}
