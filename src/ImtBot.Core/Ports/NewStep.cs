namespace ImtBot.Core.Ports;

/// <summary>An outbox step to insert with a commit. Key is <c>incident:kind:n</c>; Payload is the effect's JSON.</summary>
public sealed record NewStep(string Key, int Incident, string Platform, string Kind, string Payload, DateTimeOffset DueAt);
