using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>
/// One link of an incident's append-only log: <c>Hash = SHA-256(PreviousHash ‖ canonical(event))</c>, where the
/// canonical form covers incident, sequence, time, actor and data (see <see cref="EventChain"/>).
/// </summary>
public sealed record IncidentEvent(int Incident, long Sequence, DateTimeOffset At, UserRef Actor, EventData Data, string PreviousHash, string Hash)
{
    public string Type => Data.TypeName;
}
