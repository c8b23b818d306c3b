using ImtBot.Core.Platforms;

namespace ImtBot.Core.Events;

/// <summary>
/// A <c>page &lt;role&gt;</c> route opened an alert page for a firing alert: the alert as monitoring sent it, the role and its
/// on-call list as they were (escalation walks this list), how long each person has to answer and how many rounds the
/// list is tried. The first page follows as a <see cref="PageSent"/> of the same stream. Labels are sorted by name so
/// the canonical form is stable.
/// </summary>
public sealed record AlertPageOpened(
    string Integration,
    string Fingerprint,
    string Title,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> Links,
    string GroupKey,
    DateTimeOffset? StartsAt,
    string Role,
    IReadOnlyList<UserRef> OnCall,
    TimeSpan PageTimeout,
    int PageRounds,
    string Platform) : EventData;

/// <summary>Further firing of the alert's fingerprint is recorded but pages nobody until <see cref="Until"/>; the actor silenced it.</summary>
public sealed record AlertPageSilenced(DateTimeOffset Until) : EventData;

/// <summary>The silence was lifted before its end (<c>unsilence</c>); the actor lifted it.</summary>
public sealed record AlertPageUnsilenced : EventData;

/// <summary>The silence ran out (its timer fired at its end).</summary>
public sealed record AlertPageSilenceEnded : EventData;

/// <summary>The actor declared an incident from the alert page, which carried the alert into it; paging here stops.</summary>
public sealed record AlertPageIncidentDeclared(int Incident) : EventData;
