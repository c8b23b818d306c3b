namespace ImtBot.ConsoleChat;

/// <summary>
/// A change a page should show: <c>message</c> (new or edited) or <c>channel</c> (new or changed); <paramref name="Channel"/>
/// is the channel it happened in, so a page is sent only the changes of channels its person may see.
/// </summary>
public sealed record ConsoleEvent(string Type, object Payload, string? VisibleTo, string? Channel = null);
