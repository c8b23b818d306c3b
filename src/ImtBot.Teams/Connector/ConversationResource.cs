namespace ImtBot.Teams.Connector;

/// <summary>The answer to <c>POST v3/conversations</c>: the new conversation (thread) id and the first activity's id.</summary>
public sealed record ConversationResource(string Id, string? ActivityId);
