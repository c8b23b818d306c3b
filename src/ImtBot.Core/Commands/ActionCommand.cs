namespace ImtBot.Core.Commands;

/// <summary><c>action &lt;text&gt; [@owner] [due &lt;yyyy-mm-dd&gt;]</c>.</summary>
public sealed record ActionCommand(string Text, UserArg? Owner, DateOnly? Due) : Command;
