using ImtBot.Core.Effects;
using ImtBot.Core.Events;

namespace ImtBot.Core.Incidents;

/// <summary>
/// What <c>IncidentDecider.Decide</c> returns: the new event data (not yet chained: the caller stamps sequence, time, actor
/// and hashes) and the effects wanted, plus the reply to the user; or a rejection whose reason says why and what
/// would work. Deciding is pure.
/// </summary>
public sealed record Decision(bool Accepted, IReadOnlyList<EventData> Events, IReadOnlyList<Effect> Effects, string Reply)
{
    public static Decision Reject(string reason) => new(false, [], [], reason);

    public static Decision Accept(string reply, IReadOnlyList<EventData> events, IReadOnlyList<Effect>? effects = null) =>
        new(true, events, effects ?? [], reply);
}
