namespace ImtBot.Core.Ports;

/// <summary>A commit's outcome; for <see cref="CommitStatus.Duplicate"/>, the first reply and whether it was accepted.</summary>
public sealed record CommitResult(CommitStatus Status, string? Reply = null, bool Accepted = true);
