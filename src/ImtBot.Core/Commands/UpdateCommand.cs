namespace ImtBot.Core.Commands;

/// <summary><c>update &lt;text&gt;</c>: a stakeholder status update.</summary>
public sealed record UpdateCommand(string Text) : Command;
