using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

public static partial class IncidentDecider
{
    /// <summary>
    /// Why <c>declare … private</c> cannot be honoured here, or null. Every platform has a private space now (a private
    /// Slack channel, a Teams group chat with the responders), so none refuses; the hook stays for a platform that cannot.
    /// </summary>
    private static string? PrivateRefusal(CommandContext context) => context.Channel.Platform.Length == 0 ? "No platform to hold a private incident." : null;

    /// <summary>
    /// True when <paramref name="actor"/> may neither see nor change the private incident <paramref name="state"/>: not
    /// its participant (declared, held a role, was paged, joined), not an admin (its <c>Incidents:Admins</c> snapshot or
    /// the current list), not the bot itself. Acting on a private incident would make them a participant, so a person
    /// from outside is brought in by a participant (a role or a page), never by typing its number.
    /// </summary>
    public static bool IsOutsider(Incident state, UserRef actor, IncidentOptions options) =>
        state.Private
        && actor.Platform != PlatformNames.System
        && !state.IsInsider(actor)
        && !state.Admins.Contains(actor.Id, StringComparer.Ordinal)
        && !options.IsAdmin(actor);

    /// <summary>The answer to someone outside a private incident: that it is private, and how they could be brought in.</summary>
    public static string OutsiderRefusal(Incident state) =>
        $"{state.Key} is private: only its participants and admins can see or change it. A participant can bring you in with `/incident role {state.Key} <role> @you` or `/incident page @you`.";

    /// <summary>
    /// Refuses a command on a private incident from outside it. A message captured in the incident's own channel is
    /// let through: only that channel's members can write there (a private channel on Slack, a participants-only one in
    /// the console).
    /// </summary>
    private static string? PrivateOutsider(Incident state, Commands.Command command, CommandContext context) =>
        command is not (Commands.MessageCaptureCommand or Commands.AlertCommand) && IsOutsider(state, context.Actor, context.Options)
            ? OutsiderRefusal(state)
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
