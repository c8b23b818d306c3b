using ImtBot.Core.Alerts.Pages;
using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;

namespace ImtBot.Core.Alerts;

/// <summary>
/// Takes alerts in, one at a time: plans each against the open incidents (<see cref="AlertRouter"/>, through the
/// <see cref="IncidentAlertIndex"/>) and the alert pages, and carries the plan out as a command through the incident
/// pipeline or the alert page pipeline, whose commit stores the alert (with its inbox key) before the sender is answered.
/// An alert whose fingerprint has an alert page still firing, or silenced, goes to that page (counted, resolved). One at a time because deciding "does an open incident have this fingerprint?" and
/// declaring one must not interleave: two deliveries of one alert would otherwise both declare.
/// </summary>
public sealed class AlertIntake(IncidentService incidents, ICommandStore store, AlertOptions options, IncidentOptions incidentOptions, AlertPageService pages, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IncidentAlertIndex _index = new(store);

    public async Task<IReadOnlyList<AlertOutcome>> ReceiveAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken = default)
    {
        var outcomes = new List<AlertOutcome>(alerts.Count);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            foreach (var alert in alerts)
            {
                outcomes.Add(await ReceiveOneAsync(alert, cancellationToken));
            }
        }
        finally
        {
            _gate.Release();
        }

        return outcomes;
    }

    private async Task<AlertOutcome> ReceiveOneAsync(Alert alert, CancellationToken cancellationToken)
    {
        if (alert.DedupeKey is { } key && store.FindInboxReply(key) is { } first)
        {
            return new AlertOutcome(alert.Fingerprint, alert.Status, "duplicate", first.Text, null);
        }

        var open = _index.Current();
        var origin = new ChatCommand($"alert {alert.Fingerprint}", Actor(alert.Integration), new ChannelRef(options.Platform, options.Channel), alert.DedupeKey ?? "");
        if (open.IncidentWithAlert(alert.Fingerprint) is null && pages.Latest(alert.Fingerprint) is { } page && (page.IsOpen && page.Firing || page.IsSilenced(time.GetUtcNow())))
        {
            if (alert.Status == AlertState.Resolved && !page.Firing)
            {
                return new AlertOutcome(alert.Fingerprint, alert.Status, "ignored", $"{page.Key} has already resolved.", null) { AlertPage = page.Key };
            }

            var received = await pages.ReceiveAsync(page.Number, alert, origin, cancellationToken);
            var what = alert.Status == AlertState.Resolved ? "resolved" : page.IsSilenced(time.GetUtcNow()) ? "silenced" : "added";
            return Outcome(alert, what, received) with { AlertPage = page.Key };
        }

        var plan = AlertRouter.Plan(alert, options, incidentOptions, open);
        switch (plan)
        {
            case AlertPlan.AddTo add:
                var added = await incidents.HandleParsedAsync(new AlertCommand(alert) { Incident = add.Incident }, origin, cancellationToken);
                return Outcome(alert, "added", added);
            case AlertPlan.Declare declare:
                var declared = await incidents.HandleParsedAsync(new AlertCommand(alert, declare.Action, declare.Role, declare.PageOnly), origin, cancellationToken);
                return Outcome(alert, declare.PageOnly ? "paged" : "declared", declared);
            case AlertPlan.Page paging:
                var paged = await pages.OpenAsync(alert, paging.Role, origin, cancellationToken);
                return Outcome(alert, "paged", paged) with { AlertPage = pages.Latest(alert.Fingerprint)?.Key };
            case AlertPlan.Ignore ignore:
                return new AlertOutcome(alert.Fingerprint, alert.Status, "ignored", ignore.Reason, null);
            default:
                throw new InvalidOperationException($"unknown alert plan {plan}");
        }
    }

    /// <summary>Whether an open incident or an alert page has this alert firing.</summary>
    public bool IsFiring(string fingerprint) =>
        _index.IsFiring(fingerprint) || pages.Latest(fingerprint) is { Firing: true, IsOpen: true };

    /// <summary>The bot acting for an integration: a system actor, so it never counts as a responder.</summary>
    public static UserRef Actor(string integration) => new(PlatformNames.System, Incident.AlertActorPrefix + integration, integration);

    private static AlertOutcome Outcome(Alert alert, string what, CommandReply reply) =>
        new(alert.Fingerprint, alert.Status, reply.Redelivered ? "duplicate" : reply.Accepted ? what : "rejected", reply.Text, reply.Incident);
}

/// <summary>What became of one alert: <c>declared</c>, <c>paged</c>, <c>added</c>, <c>silenced</c>, <c>resolved</c>, <c>duplicate</c>, <c>ignored</c> or <c>rejected</c>.</summary>
public sealed record AlertOutcome(string Fingerprint, AlertState Status, string Result, string Text, int? Incident)
{
    /// <summary>The alert page (<c>AP-3</c>) that holds the alert, when a <c>page</c> route paged without an incident.</summary>
    public string? AlertPage { get; init; }
}
