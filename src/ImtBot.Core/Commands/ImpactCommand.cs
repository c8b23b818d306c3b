namespace ImtBot.Core.Commands;

/// <summary><c>impact &lt;time&gt; [text]</c>: when the impact began, and what it was.</summary>
public sealed record ImpactCommand(TypedTime Began, string? Description) : Command;
