namespace ImtBot.Core.Events;

/// <summary>Monitoring says a firing alert of the incident has resolved.</summary>
public sealed record AlertResolved(string Fingerprint) : EventData;
