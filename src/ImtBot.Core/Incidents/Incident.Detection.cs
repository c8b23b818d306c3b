namespace ImtBot.Core.Incidents;

/// <summary>When the incident was detected, for the review: what people recorded, else what monitoring says.</summary>
public sealed partial class Incident
{
    /// <summary>
    /// <see cref="DetectedAt"/> when someone recorded it (<c>detected &lt;time&gt;</c>); otherwise the first alert, when it
    /// came no later than the declaration (an alert added afterwards detected nothing: people already had) and not
    /// before a recorded impact start.
    /// </summary>
    public DateTimeOffset? DetectionTime => DetectedAt ?? DetectedByFirstAlert;

    /// <summary>The first alert's time when it stands for the detection (nobody recorded one); null otherwise.</summary>
    public DateTimeOffset? DetectedByFirstAlert =>
        DetectedAt is null && FirstAlertAt is { } first && first <= DeclaredAt && (ImpactBegan is null || first >= ImpactBegan) ? first : null;
}
