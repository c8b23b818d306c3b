using ImtBot.Core.Commands;

namespace ImtBot.Core.Incidents;

/// <summary>The incident aggregate's decisions. Pure: no I/O, no clock but <see cref="CommandContext.Now"/>.</summary>
public static class Incident
{
    /// <param name="state">The incident as replayed from its events; null for a declaration.</param>
    public static Decision Decide(IncidentState? state, Command command, CommandContext context) =>
        Decision.Reject("The incident domain is not built yet.");
}
