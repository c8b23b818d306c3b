namespace ImtBot.Core.Commands;

/// <summary><c>sev &lt;1-4&gt; &lt;reason&gt;</c>.</summary>
public sealed record SeverityCommand(int Level, string Reason) : Command;
