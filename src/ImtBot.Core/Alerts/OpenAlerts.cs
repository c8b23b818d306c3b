namespace ImtBot.Core.Alerts;

/// <summary>Which open incident has an alert's fingerprint, and which has its grouping key: what routing an alert asks of the open incidents.</summary>
public sealed class OpenAlerts(IReadOnlyDictionary<string, int> byFingerprint, IReadOnlyDictionary<string, int> byGroup)
{
    public int? IncidentWithAlert(string fingerprint) => byFingerprint.TryGetValue(fingerprint, out var n) ? n : null;

    public int? IncidentWithGroup(string groupKey) => byGroup.TryGetValue(groupKey, out var n) ? n : null;

    /// <summary>From incidents as folded (the first, lowest-numbered, wins, as the intake has always chosen).</summary>
    public static OpenAlerts Of(IEnumerable<Incidents.Incident> open)
    {
        var fingerprints = new Dictionary<string, int>(StringComparer.Ordinal);
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var incident in open)
        {
            foreach (var alert in incident.Alerts)
            {
                fingerprints.TryAdd(alert.Fingerprint, incident.Number);
                groups.TryAdd(alert.GroupKey, incident.Number);
            }
        }

        return new OpenAlerts(fingerprints, groups);
    }
}
