namespace ImtBot.Security;

/// <summary>One stored link of the admin audit stream (see <see cref="AdminAudit"/>).</summary>
public sealed class AuditRecord
{
    /// <summary>The sequence: 1, 2, 3… with no gap.</summary>
    public long Id { get; set; }

    /// <summary>UTC ticks: BSON dates keep only milliseconds, and the time is hashed with seven fractional digits.</summary>
    public long AtTicks { get; set; }

    public string ActorPlatform { get; set; } = "";

    public string ActorId { get; set; } = "";

    public string ActorName { get; set; } = "";

    /// <summary>The event data in its canonical JSON form (with its <c>type</c>).</summary>
    public string Data { get; set; } = "";

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}
