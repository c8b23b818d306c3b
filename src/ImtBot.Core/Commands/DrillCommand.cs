namespace ImtBot.Core.Commands;

/// <summary><c>drill &lt;scenario&gt;</c>.</summary>
public sealed record DrillCommand(string Scenario) : Command;
