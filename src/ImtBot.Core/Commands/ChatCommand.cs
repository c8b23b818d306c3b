using ImtBot.Core.Platforms;

namespace ImtBot.Core.Commands;

/// <summary>
/// What an adapter hands to the core: the command text (without the <c>/incident</c> prefix or the bot's mention),
/// who typed it, where, and a key that is unique per inbound delivery (Slack <c>event_id</c>, Teams activity id +
/// conversation, console message id). A button click is a command too: its value is command text (<c>ack INC-42</c>).
/// User mentions in <see cref="Text"/> are written <c>&lt;@ID&gt;</c> or <c>&lt;@ID|Display Name&gt;</c> (adapters turn
/// Slack and Teams mentions into this form); <c>@name</c> is also accepted and resolved by the platform's directory.
/// </summary>
public sealed record ChatCommand(string Text, UserRef Actor, ChannelRef Channel, string DedupeKey);
