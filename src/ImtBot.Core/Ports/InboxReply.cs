namespace ImtBot.Core.Ports;

/// <summary>
/// What the inbox recorded for a delivery: the reply text and whether the command was accepted, so a redelivery gets
/// the first answer exactly (a rejection stays a rejection).
/// </summary>
public sealed record InboxReply(string Text, bool Accepted);
