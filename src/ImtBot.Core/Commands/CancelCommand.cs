namespace ImtBot.Core.Commands;

/// <summary><c>cancel &lt;reason&gt;</c>: a false alarm.</summary>
public sealed record CancelCommand(string Reason) : Command;
