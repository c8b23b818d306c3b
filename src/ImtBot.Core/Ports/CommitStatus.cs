namespace ImtBot.Core.Ports;

public enum CommitStatus
{
    /// <summary>Durable on disk.</summary>
    Committed,

    /// <summary>The inbox key was seen before; nothing was applied. <see cref="CommitResult.Reply"/> is the first reply, <see cref="CommitResult.Accepted"/> whether it accepted.</summary>
    Duplicate,

    /// <summary>The incident's version moved (or the number is taken): decide again on fresh state.</summary>
    Conflict,
}
