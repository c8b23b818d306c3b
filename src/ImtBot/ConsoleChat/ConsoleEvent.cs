namespace ImtBot.ConsoleChat;

/// <summary>A change a page should show: <c>message</c> (new or edited) or <c>channel</c> (new or changed).</summary>
public sealed record ConsoleEvent(string Type, object Payload, string? VisibleTo);
