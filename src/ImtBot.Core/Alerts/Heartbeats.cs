using System.Globalization;

namespace ImtBot.Core.Alerts;

/// <summary>
/// A heartbeat that stops is an alert like any other (integration <c>heartbeat</c>, fingerprint
/// <c>heartbeat:&lt;name&gt;</c>, label <c>heartbeat=&lt;name&gt;</c>): it pages the heartbeat's role once, and its return
/// resolves that alert, which is announced.
/// </summary>
public static class Heartbeats
{
    public const string Integration = "heartbeat";

    public const string Label = "heartbeat";

    /// <summary>The setting holding the time of the last beat (or when ImtBot began to watch, before the first).</summary>
    public static string SettingKey(string name) => "heartbeat:" + name.ToLowerInvariant();

    public static string Fingerprint(string name) => "heartbeat:" + name.ToLowerInvariant();

    /// <summary>The name of the heartbeat an alert stands for, or null for a real alert.</summary>
    public static string? NameOf(Alert alert) =>
        alert.Integration == Integration && alert.Labels.TryGetValue(Label, out var name) ? name : null;

    /// <param name="missedAt">When the beat was due and did not come: the alert's start, the same for every check of one silence.</param>
    public static Alert Alert(string name, AlertState status, DateTimeOffset missedAt, TimeSpan interval)
    {
        var every = interval.TotalMinutes >= 1 ? $"{interval.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} min" : $"{interval.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s";
        var since = (missedAt - interval).UtcDateTime.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture);
        return new Alert(
            Integration,
            Fingerprint(name),
            status,
            $"Heartbeat {name} stopped: nothing since {since} (expected every {every})",
            null,
            new Dictionary<string, string>(StringComparer.Ordinal) { [Label] = name },
            [],
            missedAt,
            Fingerprint(name));
    }

    public static DateTimeOffset? Parse(string? stored) =>
        DateTimeOffset.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null;

    public static string Format(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
