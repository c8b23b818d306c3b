using ImtBot.Core.Commands;

namespace ImtBot.Core.Ports;

/// <summary>
/// The pipeline every adapter calls: parse → find the incident → decide → commit (inbox, events, snapshot, outbox)
/// durably → reply. A duplicate delivery (same DedupeKey) returns the first reply and applies nothing.
/// </summary>
public interface ICommandHandler
{
    /// <summary>Typed command text (<c>declare Checkout failing sev1</c>); a malformed one gets usage help.</summary>
    Task<CommandReply> HandleAsync(ChatCommand command, CancellationToken cancellationToken = default);

    /// <summary>
    /// An already-parsed command (a timer firing, a captured Slack message, a modal submission); <paramref name="origin"/>
    /// gives the actor, the channel and the dedupe key (its Text is only for the log).
    /// </summary>
    Task<CommandReply> HandleParsedAsync(Command command, ChatCommand origin, CancellationToken cancellationToken = default);
}
