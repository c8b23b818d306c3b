using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ImtBot.Core.Alerts;

namespace ImtBot.Api.Alerts;

/// <summary>
/// Reads the three webhook formats into <see cref="Alert"/>s, or says what is wrong (the JSON path and what would
/// work). Alertmanager (payload version 4) and Grafana alerting share one shape: a group with an <c>alerts</c> array
/// of alerts that carry a status, labels, annotations, a start and a fingerprint. The generic format is one alert:
/// <c>title</c>, <c>fingerprint</c>, <c>status</c>, and optionally <c>severity</c>, <c>labels</c>, <c>links</c>,
/// <c>startsAt</c> and <c>group</c>. Everything is read before anything is stored, so a bad payload stores nothing.
/// </summary>
internal static class AlertPayloads
{
    /// <summary>More alerts than this in one notification is refused (Alertmanager's <c>max_alerts</c> can cap it).</summary>
    public const int MaxAlerts = 1000;

    private const int MaxText = 4000;

    public static (IReadOnlyList<Alert>? Alerts, string? Problem) Read(string integration, string kind, JsonObject body)
    {
        try
        {
            return (kind.ToLowerInvariant() switch
            {
                "alertmanager" => Group(integration, body, version: "4"),
                "grafana" => Group(integration, body, version: null),
                _ => [Generic(integration, body)],
            }, null);
        }
        catch (PayloadException e)
        {
            return (null, e.Message);
        }
    }

    private static List<Alert> Group(string integration, JsonObject body, string? version)
    {
        if (version is not null && OptionalString(body, "version", "$") is { } v && v != version)
        {
            throw new PayloadException($"$.version is \"{v}\"; this endpoint reads Alertmanager webhook payload version {version}.");
        }

        if (body["alerts"] is not JsonArray alerts)
        {
            throw new PayloadException("$.alerts must be an array of alerts.");
        }

        if (alerts.Count > MaxAlerts)
        {
            throw new PayloadException($"$.alerts holds {alerts.Count} alerts; send at most {MaxAlerts} per notification (Alertmanager: max_alerts).");
        }

        var groupKey = OptionalString(body, "groupKey", "$") ?? "";
        var result = new List<Alert>(alerts.Count);
        for (var i = 0; i < alerts.Count; i++)
        {
            var path = $"$.alerts[{i}]";
            if (alerts[i] is not JsonObject a)
            {
                throw new PayloadException($"{path} must be an object.");
            }

            var labels = Labels(a, "labels", path);
            var annotations = Labels(a, "annotations", path);
            var fingerprint = RequiredString(a, "fingerprint", path);
            var links = new[] { "generatorURL", "silenceURL", "dashboardURL", "panelURL" }
                .Select(name => OptionalString(a, name, path))
                .Append(annotations.GetValueOrDefault("runbook_url"))
                .Where(u => !string.IsNullOrWhiteSpace(u))
                .Select(u => u!)
                .ToArray();
            var title = annotations.GetValueOrDefault("summary") ?? labels.GetValueOrDefault("alertname") ?? fingerprint;
            result.Add(new Alert(
                integration,
                fingerprint,
                Status(a, path),
                Clip(title),
                labels.GetValueOrDefault("severity"),
                labels,
                links,
                Time(a, "startsAt", path),
                // Alerts the sender grouped together belong together: one incident for the group.
                integration + ":" + (groupKey.Length > 0 ? groupKey : fingerprint)));
        }

        return result;
    }

    private static Alert Generic(string integration, JsonObject body)
    {
        var fingerprint = RequiredString(body, "fingerprint", "$");
        string[] links = [];
        if (body["links"] is { } node)
        {
            if (node is not JsonArray array || array.Any(l => l is not JsonValue v || v.GetValueKind() != JsonValueKind.String))
            {
                throw new PayloadException("$.links must be an array of URLs (strings).");
            }

            links = array.Select(l => l!.GetValue<string>()).Where(l => l.Length > 0).ToArray();
        }

        var group = OptionalString(body, "group", "$");
        return new Alert(
            integration,
            fingerprint,
            Status(body, "$"),
            Clip(RequiredString(body, "title", "$")),
            OptionalString(body, "severity", "$"),
            Labels(body, "labels", "$"),
            links,
            Time(body, "startsAt", "$"),
            integration + ":" + (group ?? fingerprint));
    }

    private static AlertState Status(JsonObject o, string path) => RequiredString(o, "status", path) switch
    {
        "firing" => AlertState.Firing,
        "resolved" => AlertState.Resolved,
        var s => throw new PayloadException($"{path}.status is \"{s}\"; it must be \"firing\" or \"resolved\"."),
    };

    /// <summary>A string-to-string object (labels, annotations), sorted by name; absent means none.</summary>
    private static Dictionary<string, string> Labels(JsonObject o, string name, string path)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        switch (o[name])
        {
            case null:
                break;
            case JsonObject map:
                foreach (var (key, value) in map)
                {
                    if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
                    {
                        throw new PayloadException($"{path}.{name}.{key} must be a string.");
                    }

                    labels[key] = Clip(v.GetValue<string>());
                }

                break;
            default:
                throw new PayloadException($"{path}.{name} must be an object of strings.");
        }

        return new Dictionary<string, string>(labels, StringComparer.Ordinal);
    }

    private static string RequiredString(JsonObject o, string name, string path) =>
        OptionalString(o, name, path) is { Length: > 0 } s ? s : throw new PayloadException($"{path}.{name} is missing; it must be a non-empty string.");

    private static string? OptionalString(JsonObject o, string name, string path) => o[name] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw new PayloadException($"{path}.{name} must be a string."),
    };

    /// <summary>An RFC 3339 time; Go's zero time (<c>0001-01-01T00:00:00Z</c>, "not set") counts as absent.</summary>
    private static DateTimeOffset? Time(JsonObject o, string name, string path)
    {
        if (OptionalString(o, name, path) is not { } text)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at))
        {
            throw new PayloadException($"{path}.{name} is \"{Clip(text, 40)}\"; it must be an RFC 3339 time such as 2026-11-27T09:00:00Z.");
        }

        return at.Year <= 1 ? null : at;
    }

    private static string Clip(string text, int max = MaxText) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private sealed class PayloadException(string message) : Exception(message);
}
