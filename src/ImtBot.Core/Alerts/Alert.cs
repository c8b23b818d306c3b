using System.Globalization;

namespace ImtBot.Core.Alerts;

/// <summary>
/// One alert as monitoring sent it, whatever the wire format: the integration it came through, its fingerprint
/// (the same alert keeps it while it fires and when it resolves), what it says, its labels and links, and the key
/// that groups related alerts into one incident.
/// </summary>
/// <param name="Severity">A severity the payload named (<c>sev2</c>, <c>2</c>, <c>critical</c>…), if any; a route's <c>declare</c> decides.</param>
/// <param name="StartsAt">When monitoring says it started; null when the payload did not say.</param>
public sealed record Alert(
    string Integration,
    string Fingerprint,
    AlertState Status,
    string Title,
    string? Severity,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<string> Links,
    DateTimeOffset? StartsAt,
    string GroupKey)
{
    /// <summary>
    /// The inbox key of this delivery: integration, fingerprint, status and start. A retried notification carries the
    /// same values and is answered from the inbox; a later notification of the same alert while it fires (another
    /// start, or none given) is a repeat that the incident counts. Null when the payload gave no start: then the
    /// incident's own state (already firing, already resolved) keeps a retry from counting twice as a new alert.
    /// </summary>
    public string? DedupeKey => StartsAt is { } at
        ? $"alert:{Integration}:{Fingerprint}:{Status.ToString().ToLowerInvariant()}:{at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}"
        : null;
}
