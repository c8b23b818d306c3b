namespace ImtBot.Core.Commands;

/// <summary><c>detected &lt;time&gt;</c>: when the problem was detected.</summary>
public sealed record DetectedCommand(TypedTime At) : Command;
