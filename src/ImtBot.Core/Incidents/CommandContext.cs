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
    /// <summary>The drill scenarios loaded at start (for <c>drill &lt;scenario&gt;</c>).</summary>
    public Drills.DrillCatalog Drills { get; init; } = ImtBot.Core.Drills.DrillCatalog.Empty;
}
