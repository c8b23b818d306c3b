namespace ImtBot.Core.Ports;

public sealed record CommitResult(CommitStatus Status, string? Reply = null);
