using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

/// <summary>
/// Who may do what. Anyone may declare, note, page, update, add actions and move among the active states; changing
/// severity, resolving, closing, cancelling and reopening (and reassigning a held role) are for the commander, the
/// deputy or an admin (the incident's snapshot of <c>Incidents:Admins</c>, or the current list) — and for anyone
/// while nobody holds command.
/// </summary>
public static partial class IncidentDecider
{
    /// <summary>True when <paramref name="actor"/> may make the commander's calls on this incident.</summary>
    public static bool MayGovern(Incident state, UserRef actor, IncidentOptions options) =>
        state.Commander is null
        || state.Commander.Equals(actor)
        || actor.Equals(state.Deputy)
        || state.Admins.Contains(actor.Id, StringComparer.Ordinal)
        || options.IsAdmin(actor);

    private static Decision NotAllowed(Incident state, string what)
    {
        var commander = state.Commander!;
        var deputy = state.Deputy is { } d && !d.Equals(commander) ? $" or {d} (deputy)" : "";
        return Decision.Reject(
            $"Only the commander, the deputy or an admin can {what} {state.Key}: ask {commander} (commander){deputy}, " +
            $"or ask {commander} to hand command to you with `/incident handover @you <summary>`.");
    }
}
