namespace ImtBot.Core.Events;

/// <summary>Monitoring sent a firing alert again while the incident already had it firing: counted, not added twice.</summary>
public sealed record AlertRepeated(string Fingerprint) : EventData;
