using System.Collections.Concurrent;
using ImtBot.Core.Commands;
using ImtBot.Core.Ports;

namespace ImtBot.Slack.Tests.Fakes;

/// <summary>
/// The command service's test double: records what adapters hand over and, like the inbox, applies a dedupe key once
/// (a later delivery gets the first reply, marked <see cref="CommandReply.Redelivered"/>).
/// </summary>
public sealed class RecordingCommandHandler : ICommandHandler
{
    private readonly ConcurrentDictionary<string, CommandReply> inbox = new();

    public ConcurrentQueue<(ChatCommand Chat, Command? Parsed)> Received { get; } = new();

    public ConcurrentQueue<(ChatCommand Chat, Command? Parsed)> Applied { get; } = new();

    public Func<ChatCommand, Command?, CommandReply> Reply { get; set; } = (chat, _) => new CommandReply(true, "ok: " + chat.Text);

    public Task<CommandReply> HandleAsync(ChatCommand command, CancellationToken cancellationToken = default) => Handle(command, null);

    public Task<CommandReply> HandleParsedAsync(Command command, ChatCommand origin, CancellationToken cancellationToken = default) => Handle(origin, command);

    private Task<CommandReply> Handle(ChatCommand chat, Command? parsed)
    {
        Received.Enqueue((chat, parsed));
        var first = false;
        var reply = inbox.GetOrAdd(chat.DedupeKey, _ =>
        {
            first = true;
            Applied.Enqueue((chat, parsed));
            return Reply(chat, parsed);
        });
        return Task.FromResult(first ? reply : reply with { Redelivered = true });
    }
}
