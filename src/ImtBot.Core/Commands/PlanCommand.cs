namespace ImtBot.Core.Commands;

/// <summary><c>plan</c>: the checklist by phase, with owners and due times (read-only).</summary>
public sealed record PlanCommand : Command;
