using ImtBot.Core.Plans;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

/// <summary>
/// Everything a decision may read besides the incident: who, where, when, the configuration, the number a
/// declaration takes, and the org-wide on-call lists (configuration overlaid by <c>oncall</c> commands).
/// </summary>
public sealed record CommandContext(
    UserRef Actor,
    ChannelRef Channel,
    DateTimeOffset Now,
    IncidentOptions Options,
    int NewNumber,
    IReadOnlyDictionary<string, IReadOnlyList<UserRef>> OnCall)
{
    /// <summary>The response plans valid now (read for a declaration or a type change only; empty otherwise).</summary>
    public PlanCatalog Plans { get; init; } = PlanCatalog.Empty;
    /// <summary>The regulatory regimes and reminder points (the shipped ones unless configured).</summary>
    public Compliance.ComplianceOptions Compliance { get; init; } = Shipped;

    private static readonly Compliance.ComplianceOptions Shipped = new();
    /// <summary>The drill scenarios loaded at start (for <c>drill &lt;scenario&gt;</c>).</summary>
    public Drills.DrillCatalog Drills { get; init; } = ImtBot.Core.Drills.DrillCatalog.Empty;
}
