using ImtBot.Core.Commands;
using ImtBot.Core.Ports;

namespace ImtBot.Dispatch;

/// <summary>The command pipeline as the adapters see it: the incident service, then a nudge to the dispatcher.</summary>
internal sealed class SignallingCommandHandler(ICommandHandler inner, OutboxSignal signal) : ICommandHandler
{
    public async Task<CommandReply> HandleAsync(ChatCommand command, CancellationToken cancellationToken = default)
    {
        var reply = await inner.HandleAsync(command, cancellationToken);
        signal.Notify();
        return reply;
    }

    public async Task<CommandReply> HandleParsedAsync(Command command, ChatCommand origin, CancellationToken cancellationToken = default)
    {
        var reply = await inner.HandleParsedAsync(command, origin, cancellationToken);
        signal.Notify();
        return reply;
    }
}
