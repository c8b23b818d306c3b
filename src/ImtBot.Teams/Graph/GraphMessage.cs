namespace ImtBot.Teams.Graph;

/// <summary>A channel message as Graph lists it: its id, the app that sent it (if a bot did), and its attachments' content.</summary>
public sealed record GraphMessage(string Id, string? FromAppId, IReadOnlyList<string> Attachments);
