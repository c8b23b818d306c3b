namespace ImtBot.Core.Alerts;

/// <summary>
/// Which route an alert takes (first match wins; none pages the default role on an alert page, without an incident),
/// and what that means given the open incidents: an alert an open incident already has always goes to that incident (so the same fingerprint never
/// declares twice), a resolved alert nobody has is left alone, and an alert whose group already has an open incident
/// joins it rather than declaring or paging again. Pure.
/// </summary>
public static class AlertRouter
{
    public static AlertAction Route(Alert alert, AlertOptions options)
    {
        foreach (var route in options.Routes)
        {
            if (Matches(route, alert) && AlertAction.Parse(route.Action, out _) is { } action)
            {
                return action;
            }
        }

        return new PageAction(options.DefaultRole.ToLowerInvariant());
    }

    public static AlertPlan Plan(Alert alert, AlertOptions options, Incidents.IncidentOptions incidentOptions, IReadOnlyList<Incidents.Incident> open) =>
        Plan(alert, options, incidentOptions, OpenAlerts.Of(open));

    public static AlertPlan Plan(Alert alert, AlertOptions options, Incidents.IncidentOptions incidentOptions, OpenAlerts open)
    {
        if (open.IncidentWithAlert(alert.Fingerprint) is { } has)
        {
            return new AlertPlan.AddTo(has);
        }

        if (alert.Status == AlertState.Resolved)
        {
            return new AlertPlan.Ignore("no open incident has this alert, so its resolution changes nothing");
        }

        if (Heartbeats.NameOf(alert) is { } heartbeat)
        {
            var role = options.Heartbeats.TryGetValue(heartbeat, out var beat) && !string.IsNullOrWhiteSpace(beat.Role) ? beat.Role : options.DefaultRole;
            return new AlertPlan.Page(role.ToLowerInvariant());
        }

        var grouped = open.IncidentWithGroup(alert.GroupKey);
        return Route(alert, options) switch
        {
            _ when grouped is { } g => new AlertPlan.AddTo(g),
            DeclareAction d => new AlertPlan.Declare(d, options.DefaultRole.ToLowerInvariant(), PageOnly: false),
            PageAction p => new AlertPlan.Page(p.Role),
            _ => new AlertPlan.Page(options.DefaultRole.ToLowerInvariant()),
        };
    }

    private static bool Matches(AlertRoute route, Alert alert) =>
        (string.IsNullOrEmpty(route.Integration) || string.Equals(route.Integration, alert.Integration, StringComparison.OrdinalIgnoreCase))
        && route.Labels.All(l => alert.Labels.TryGetValue(l.Key, out var v) && string.Equals(v, l.Value, StringComparison.Ordinal));
}

/// <summary>What becomes of one alert.</summary>
public abstract record AlertPlan
{
    /// <summary>Fire, repeat or resolve it on this open incident.</summary>
    public sealed record AddTo(int Incident) : AlertPlan;

    /// <summary>Declare an incident for it and page: the severity's roles, else <see cref="Role"/>.</summary>
    public sealed record Declare(DeclareAction Action, string Role, bool PageOnly) : AlertPlan;

    /// <summary>Page the role's on-call list with the alert on an alert page: no incident (<c>page &lt;role&gt;</c>, heartbeats).</summary>
    public sealed record Page(string Role) : AlertPlan;

    /// <summary>Nothing to do, and why.</summary>
    public sealed record Ignore(string Reason) : AlertPlan;
}
