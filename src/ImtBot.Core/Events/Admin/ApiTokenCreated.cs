namespace ImtBot.Core.Events;

/// <summary>An admin created an API token (its id, name and scope; never the token or its hash).</summary>
public sealed record ApiTokenCreated(string TokenId, string Name, string Scope) : EventData;
