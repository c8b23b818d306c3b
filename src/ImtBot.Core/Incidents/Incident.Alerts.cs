using ImtBot.Core.Events;
using ImtBot.Core.Platforms;

namespace ImtBot.Core.Incidents;

/// <summary>The alerts monitoring sent into the incident.</summary>
public sealed partial class Incident
{
    /// <summary>The id prefix of the actor an alert integration acts as (<c>alerts:&lt;integration&gt;</c>).</summary>
    public const string AlertActorPrefix = "alerts:";

    internal List<AlertEntry> AlertList { get; } = [];

    /// <summary>The alerts in the order they first fired.</summary>
    public IReadOnlyList<AlertEntry> Alerts => AlertList;

    /// <summary>When the first alert arrived: the detection time of an incident that monitoring found.</summary>
    public DateTimeOffset? FirstAlertAt { get; private set; }

    /// <summary>Declared by an alert route rather than by a person.</summary>
    public bool DeclaredByAlert => DeclaredBy.Platform == PlatformNames.System && DeclaredBy.Id.StartsWith(AlertActorPrefix, StringComparison.Ordinal);

    public AlertEntry? FindAlert(string fingerprint) => AlertList.Find(a => a.Fingerprint == fingerprint);

    private void ApplyAlertFired(IncidentEvent e, AlertFired d)
    {
        FirstAlertAt ??= e.At;
        var i = AlertList.FindIndex(a => a.Fingerprint == d.Fingerprint);
        var count = i >= 0 ? AlertList[i].Count + 1 : 1;
        var first = i >= 0 ? AlertList[i].FirstAt : e.At;
        var entry = new AlertEntry(d.Fingerprint, d.Integration, d.Title, d.Labels, d.Links, d.GroupKey, first, e.At, count, true, null);
        if (i >= 0)
        {
            AlertList[i] = entry;
        }
        else
        {
            AlertList.Add(entry);
        }
    }

    private void ApplyAlertRepeated(IncidentEvent e, AlertRepeated d)
    {
        var i = AlertList.FindIndex(a => a.Fingerprint == d.Fingerprint);
        if (i >= 0)
        {
            AlertList[i] = AlertList[i] with { Count = AlertList[i].Count + 1, LastAt = e.At };
        }
    }

    private void ApplyAlertResolved(IncidentEvent e, AlertResolved d)
    {
        var i = AlertList.FindIndex(a => a.Fingerprint == d.Fingerprint);
        if (i >= 0)
        {
            AlertList[i] = AlertList[i] with { Firing = false, ResolvedAt = e.At, LastAt = e.At };
        }
    }
}
