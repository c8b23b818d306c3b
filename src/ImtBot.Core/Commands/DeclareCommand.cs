namespace ImtBot.Core.Commands;

/// <summary><c>declare &lt;title&gt; [sev1..sev4] [drill]</c>; a null severity takes the configured default; an empty title asks for the declare form.</summary>
public sealed record DeclareCommand(string Title, int? Severity, bool Drill) : Command;
