namespace ImtBot.Core.Events;

/// <summary>An admin revoked an API token; requests carrying it are refused from now on.</summary>
public sealed record ApiTokenRevoked(string TokenId, string Name) : EventData;
