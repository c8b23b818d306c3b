namespace ImtBot.Core.Commands;

/// <summary><c>drill &lt;scenario&gt; [@facilitator]</c>; an empty scenario (<c>drill</c> alone) lists the scenarios.</summary>
public sealed record DrillCommand(string Scenario) : Command
{
    /// <summary>Who runs the exercise (gets the briefing and the private notes); null means whoever started it.</summary>
    public UserArg? Facilitator { get; init; }
}
