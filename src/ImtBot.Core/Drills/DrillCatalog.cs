namespace ImtBot.Core.Drills;

/// <summary>The scenarios the host loaded (from <c>Drills:Path</c>); empty when there are none.</summary>
public sealed class DrillCatalog(IReadOnlyList<DrillScenario> scenarios)
{
    public static DrillCatalog Empty { get; } = new([]);

    public IReadOnlyList<DrillScenario> Scenarios { get; } = scenarios;

    /// <summary>How long someone on call may go without practising their role in a drill (<c>Drills:PracticeEvery</c>).</summary>
    public TimeSpan PracticeEvery { get; init; } = TimeSpan.FromDays(365);

    public DrillScenario? Find(string id) =>
        Scenarios.FirstOrDefault(s => string.Equals(s.Id, id.Trim(), StringComparison.OrdinalIgnoreCase));
}
