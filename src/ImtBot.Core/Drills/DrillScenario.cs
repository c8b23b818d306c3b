namespace ImtBot.Core.Drills;

/// <summary>
/// An exercise read from a scenario file: what the facilitator is told, what the players should achieve, the master
/// list of injects and the expected actions that are scored. Snapshotted whole into the drill's first drill event, so a
/// drill replays the same way after the file changes.
/// </summary>
/// <param name="Id">The name typed after <c>drill</c> (<c>database-failover</c>).</param>
/// <param name="Type">The incident type: the response plan of that type runs in the drill (the default plan when no plan names it).</param>
public sealed record DrillScenario(
    string Id,
    string Title,
    string Summary,
    IReadOnlyList<string> Objectives,
    int Severity,
    string? Type,
    IReadOnlyList<DrillInject> Injects,
    IReadOnlyList<ExpectedAction> Expected)
{
    /// <summary>The inject numbered <paramref name="number"/> (1-based, file order), or null.</summary>
    public DrillInject? Inject(int number) => number >= 1 && number <= Injects.Count ? Injects[number - 1] : null;
}
