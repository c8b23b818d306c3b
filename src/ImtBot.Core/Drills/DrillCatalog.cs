namespace ImtBot.Core.Drills;

/// <summary>The scenarios the host loaded (from <c>Drills:Path</c>); empty when there are none.</summary>
public sealed class DrillCatalog(IReadOnlyList<DrillScenario> scenarios)
{
    public static DrillCatalog Empty { get; } = new([]);

    public IReadOnlyList<DrillScenario> Scenarios { get; } = scenarios;

    public DrillScenario? Find(string id) =>
        Scenarios.FirstOrDefault(s => string.Equals(s.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));
}
