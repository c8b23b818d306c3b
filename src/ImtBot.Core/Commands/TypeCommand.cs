namespace ImtBot.Core.Commands;

/// <summary><c>type &lt;name&gt;</c>: the kind of incident, which picks its response plan.</summary>
public sealed record TypeCommand(string Type) : Command;
