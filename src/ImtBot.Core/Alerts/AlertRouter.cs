namespace ImtBot.Core.Alerts;

/// <summary>
/// Which route an alert takes (first match wins; none pages the default role), and what that means given the open
/// incidents: an alert an open incident already has always goes to that incident (so the same fingerprint never
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

    public static AlertPlan Plan(Alert alert, AlertOptions options, Incidents.IncidentOptions incidentOptions, IReadOnlyList<Incidents.Incident> open)
    {
        if (open.FirstOrDefault(i => i.FindAlert(alert.Fingerprint) is not null) is { } has)
        {
            return new AlertPlan.AddTo(has.Number);
        }

        if (alert.Status == AlertState.Resolved)
        {
            return new AlertPlan.Ignore("no open incident has this alert, so its resolution changes nothing");
        }

        if (Heartbeats.NameOf(alert) is { } heartbeat)
        {
            var role = options.Heartbeats.TryGetValue(heartbeat, out var beat) && !string.IsNullOrWhiteSpace(beat.Role) ? beat.Role : options.DefaultRole;
            return PageOnly(role.ToLowerInvariant(), incidentOptions);
        }

        var grouped = open.FirstOrDefault(i => i.Alerts.Any(a => a.GroupKey == alert.GroupKey));
        return Route(alert, options) switch
        {
            _ when grouped is not null => new AlertPlan.AddTo(grouped.Number),
            DeclareAction d => new AlertPlan.Declare(d, options.DefaultRole.ToLowerInvariant(), PageOnly: false),
            PageAction p => PageOnly(p.Role, incidentOptions),
            _ => PageOnly(options.DefaultRole.ToLowerInvariant(), incidentOptions),
        };
    }

    /// <summary>
    /// A page needs something to hold it (its escalation, deadline and answer) and here that is an incident: a
    /// page-only alert is held by an incident of the least severity, declared quietly for the page, which the person
    /// paged may raise, keep or cancel as a false alarm.
    /// </summary>
    private static AlertPlan.Declare PageOnly(string role, Incidents.IncidentOptions incidentOptions) =>
        new(new DeclareAction(Incidents.IncidentDecider.KnownSeverities(incidentOptions)[^1], null), role, PageOnly: true);

    private static bool Matches(AlertRoute route, Alert alert) =>
        (string.IsNullOrEmpty(route.Integration) || string.Equals(route.Integration, alert.Integration, StringComparison.OrdinalIgnoreCase))
        && route.Labels.All(l => alert.Labels.TryGetValue(l.Key, out var v) && string.Equals(v, l.Value, StringComparison.Ordinal));
}

/// <summary>What becomes of one alert.</summary>
public abstract record AlertPlan
{
    /// <summary>Fire, repeat or resolve it on this open incident.</summary>
    public sealed record AddTo(int Incident) : AlertPlan;

    /// <summary>Declare an incident for it and page: the severity's roles, else <see cref="Role"/>; with
    /// <see cref="PageOnly"/> (a <c>page</c> route) always <see cref="Role"/>.</summary>
    public sealed record Declare(DeclareAction Action, string Role, bool PageOnly) : AlertPlan;

    /// <summary>Nothing to do, and why.</summary>
    public sealed record Ignore(string Reason) : AlertPlan;
}
