namespace ImtBot.Core.Reviews;

/// <summary>
/// Incident metrics: one row per severity present (by each incident's final severity), a row for all of them, and how
/// many drills were left out.
/// </summary>
public sealed record MetricsReport(IReadOnlyList<SeverityMetrics> BySeverity, SeverityMetrics All, int DrillsExcluded)
{
    /// <summary>Plan adherence per incident type, for the incidents that ran a response plan (drills excluded).</summary>
    public IReadOnlyList<TypeAdherence> ByType { get; init; } = [];
}
