using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

public static partial class IncidentDecider
{
    /// <summary>
    /// Why <c>declare … private</c> cannot be honoured here, or null. Teams has no private incident space the bot can
    /// make with its permissions (a private channel needs application permissions, a group chat is not built yet), and
    /// posting a private incident in a team channel would publish it: refuse rather than pretend.
    /// </summary>
    private static string? PrivateRefusal(CommandContext context) =>
        context.Channel.Platform == PlatformNames.Teams
            ? "Private incidents are not supported on Teams yet: declare it from Slack or the console, or without `private` if it may be seen by the team."
            : null;

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
