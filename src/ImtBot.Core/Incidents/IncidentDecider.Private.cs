using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

public static partial class IncidentDecider
{
    /// <summary>
    /// Why <c>declare … private</c> cannot be honoured here, or null. Every platform has a private space now (a private
    /// Slack channel, a Teams group chat with the responders), so none refuses; the hook stays for a platform that cannot.
    /// </summary>
    private static string? PrivateRefusal(CommandContext context) => context.Channel.Platform.Length == 0 ? "No platform to hold a private incident." : null;

    /// <summary>What the announcements channel learns of a private incident: that it exists, its number and severity.</summary>
    internal static string PrivateAnnouncement(string key, string severity) =>
        $"{key}: a private incident ({severity}) was declared. Only its participants can see its details.";

    /// <summary>
    /// A private incident's announcements (updates, severity changes, resolution) say that something changed in a private
    /// incident, with its number and severity, and nothing else: the words stay in its own channel.
    /// </summary>
    private static Decision WithPrivateAnnouncements(Incident state, Decision decision)
    {
        if (!state.Private || !decision.Effects.OfType<Effects.Announce>().Any())
        {
            return decision;
        }

        var severity = decision.Events.OfType<Events.SeverityChanged>().LastOrDefault()?.Policy.Name ?? state.Policy.Name;
        var text = $"{state.Key}: a private incident ({severity}) was updated. Only its participants can see its details.";
        return decision with { Effects = [.. decision.Effects.Select(e => e is Effects.Announce ? new Effects.Announce(text) : e)] };
    }
}
