using ImtBot.Core.Compliance;
using ImtBot.Core.Incidents;

namespace ImtBot.Core.Reviews;

/// <summary>The review's compliance part: the regimes, the decisions with actors and reasons, and each stage's deadline against its submission.</summary>
public sealed record ComplianceReview(
    IReadOnlyList<RegimeRecord> Regimes, IReadOnlyList<ComplianceDecision> Decisions, IReadOnlyList<ComplianceClock> Clocks,
    IReadOnlyList<Submission> Submissions, bool Exercise)
{
    public static ComplianceReview None { get; } = new([], [], [], [], false);

    public bool IsEmpty => Regimes.Count == 0 && Decisions.Count == 0;

    public static ComplianceReview Of(Incident incident, DateTimeOffset asOf) => new(
        incident.RegulatoryRegimes, incident.ComplianceDecisions, ComplianceClocks.Of(incident, asOf), incident.Submissions, incident.Kind == IncidentKind.Drill);
}
