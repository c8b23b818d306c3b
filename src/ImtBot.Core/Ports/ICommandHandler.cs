using ImtBot.Core.Commands;

namespace ImtBot.Core.Ports;

/// <summary>
/// The pipeline every adapter calls: parse → find the incident → decide → commit (inbox, events, snapshot, outbox)
/// durably → reply. A duplicate delivery (same DedupeKey) returns the first reply and applies nothing.
/// </summary>
public interface ICommandHandler
{
    Task<CommandReply> HandleAsync(ChatCommand command, CancellationToken cancellationToken = default);
}
