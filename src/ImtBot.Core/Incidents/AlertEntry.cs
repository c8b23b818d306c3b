namespace ImtBot.Core.Incidents;

/// <summary>One alert of an incident as folded from its events: whether it still fires and how often it was sent.</summary>
public sealed record AlertEntry(
    string Fingerprint,
    string Integration,
    string Title,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> Links,
    string GroupKey,
    DateTimeOffset FirstAt,
    DateTimeOffset LastAt,
    int Count,
    bool Firing,
    DateTimeOffset? ResolvedAt);
