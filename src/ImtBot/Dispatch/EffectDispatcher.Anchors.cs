using ImtBot.Core.Effects;
using ImtBot.Core.Incidents;

namespace ImtBot.Dispatch;

internal sealed partial class EffectDispatcher
{
    /// <summary>
    /// Appends the incident's chain head to the anchor log (outside the database) and returns the channel message that
    /// says it. A retried step appends the same head again, which the check reads as the same anchor.
    /// </summary>
    private PostToChannel Anchor(Incident incident)
    {
        var where = "";
        if (anchors is not null)
        {
            anchors.Append(time.GetUtcNow(), incident.Number, incident.Version, incident.Head);
            where = $" It is appended to the anchor log ({Path.GetFileName(anchors.Path)}); `imtbot verify --anchor` checks the database against it.";
        }

        return new PostToChannel($"{incident.Key} chain head at close: {incident.Version} events, SHA-256 {incident.Head}. Keep it: it proves the incident's log was not rewritten later.{where}");
    }
}
