using ImtBot.Core.Commands;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;

namespace ImtBot.Core.Alerts;

/// <summary>
/// Takes alerts in, one at a time: plans each against the open incidents (<see cref="AlertRouter"/>) and carries the
/// plan out as a command through the incident pipeline, whose commit stores the alert (with its inbox key) before
/// the sender is answered. One at a time because deciding "does an open incident have this fingerprint?" and
/// declaring one must not interleave: two deliveries of one alert would otherwise both declare.
/// </summary>
public sealed class AlertIntake(IncidentService incidents, ICommandStore store, AlertOptions options, IncidentOptions incidentOptions)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

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

        var plan = AlertRouter.Plan(alert, options, incidentOptions, OpenIncidents());
        var origin = new ChatCommand($"alert {alert.Fingerprint}", Actor(alert.Integration), new ChannelRef(options.Platform, options.Channel), alert.DedupeKey ?? "");
        switch (plan)
        {
            case AlertPlan.AddTo add:
                var added = await incidents.HandleParsedAsync(new AlertCommand(alert) { Incident = add.Incident }, origin, cancellationToken);
                return Outcome(alert, "added", added);
            case AlertPlan.Declare declare:
                var declared = await incidents.HandleParsedAsync(new AlertCommand(alert, declare.Action, declare.Role, declare.PageOnly), origin, cancellationToken);
                return Outcome(alert, declare.PageOnly ? "paged" : "declared", declared);
            case AlertPlan.Ignore ignore:
                return new AlertOutcome(alert.Fingerprint, alert.Status, "ignored", ignore.Reason, null);
            default:
                throw new InvalidOperationException($"unknown alert plan {plan}");
        }
    }

    /// <summary>Whether an open incident has this alert firing.</summary>
    public bool IsFiring(string fingerprint) => OpenIncidents().Any(i => i.FindAlert(fingerprint) is { Firing: true });

    /// <summary>The bot acting for an integration: a system actor, so it never counts as a responder.</summary>
    public static UserRef Actor(string integration) => new(PlatformNames.System, Incident.AlertActorPrefix + integration, integration);

    private static AlertOutcome Outcome(Alert alert, string what, CommandReply reply) =>
        new(alert.Fingerprint, alert.Status, reply.Redelivered ? "duplicate" : reply.Accepted ? what : "rejected", reply.Text, reply.Incident);

    private List<Incident> OpenIncidents()
    {
        var open = new List<Incident>();
        foreach (var snapshot in store.ListIncidents(openOnly: true))
        {
            var events = store.GetEvents(snapshot.Number);
            if (events.Count > 0)
            {
                open.Add(Incident.Replay(events));
            }
        }

        return open;
    }
}

/// <summary>What became of one alert: <c>declared</c>, <c>paged</c>, <c>added</c>, <c>duplicate</c>, <c>ignored</c> or <c>rejected</c>.</summary>
public sealed record AlertOutcome(string Fingerprint, AlertState Status, string Result, string Text, int? Incident);
