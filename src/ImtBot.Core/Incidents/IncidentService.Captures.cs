using ImtBot.Core.Commands;
using ImtBot.Core.Ports;

namespace ImtBot.Core.Incidents;

/// <summary>
/// Message captures are not typed by anyone: an adapter sends one for every pin, edit and deletion it sees, in any
/// channel, and leaves the question "does this concern an incident?" to the service. Outside an incident channel, or for
/// a message that was never captured (the decision records nothing), the answer is a quiet no-op that commits nothing,
/// not even the inbox key, so ordinary chatter never grows the inbox. A capture that records events commits as usual.
/// </summary>
public sealed partial class IncidentService
{
    private static bool IsCapture(Command command) => command is MessageCaptureCommand;

    private static CommandReply NotCaptured() => new(false, "This channel belongs to no incident; nothing was captured.");
}
