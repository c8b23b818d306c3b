namespace ImtBot.Core.Ports;

/// <summary>
/// Which outbox steps keep their incident's order. An incident's steps run one after another, and one that failed or
/// waits for its turn under a rate limit (or is in flight on another instance) holds the later ones back: a post must
/// not reach a channel before the channel exists, nor an update before the one it follows. Direct messages to a person
/// are exempt — pages and reminders need nothing the incident's earlier steps make (a page's card links the channel
/// once there is one), and in an alert storm Slack creates 20 channels a minute: the person on call must not wait nine
/// minutes for a page because 180 other incidents' channels are queued first, nor an incident's card wait behind a
/// reminder queued in somebody's direct messages. Timers run inside ImtBot (they fire a command) and are exempt too.
/// </summary>
public static class StepOrder
{
    /// <summary>The kinds that run as soon as they are due, whatever their incident's earlier steps are doing.</summary>
    public static readonly IReadOnlyList<string> RunWhenDue = ["timer", "send_page", "notify"];

    /// <summary>
    /// The kinds that hold nothing back when they fail, wait their turn or are in flight elsewhere: timers, reminders
    /// and the edit of a page's card in a direct message (a storm's page cards wait for <c>chat.update</c>'s 50 a
    /// minute; the incident's channel must not wait with them). Pages themselves hold: the edit of a page's card is a
    /// later step of its incident, which needs the page's message.
    /// </summary>
    public static readonly IReadOnlyList<string> HoldNothing = ["timer", "notify", "sync_page"];

    /// <summary>Whether a step of <paramref name="kind"/> runs only after its incident's earlier steps.</summary>
    public static bool WaitsForEarlier(string kind) => !RunWhenDue.Contains(kind, StringComparer.Ordinal);

    /// <summary>Whether a step of <paramref name="kind"/> that failed, waits its turn or is in flight elsewhere holds its incident's later steps back.</summary>
    public static bool HoldsLater(string kind) => !HoldNothing.Contains(kind, StringComparer.Ordinal);
}
