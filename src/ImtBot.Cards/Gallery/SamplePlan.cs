using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Plans;

namespace ImtBot.Cards.Gallery;

/// <summary>The active sample incident working through a service-outage plan: two tasks done, one overdue, one skipped.</summary>
public static class SamplePlan
{
    public static ResponsePlan Plan { get; } = new(
        "service-outage",
        "Service outage",
        "A customer-facing service is down or failing for many users.",
        ["service-outage"],
        null,
        null,
        [
            new PlanTask("open-bridge", PlanPhases.Detect, "Open the bridge and post its link in the channel", "commander", 5, PlanDueFrom.Declared, true, null, null),
            new PlanTask("scope", PlanPhases.Assess, "Confirm scope: which regions, which customers, since when", "ops", 15, PlanDueFrom.Declared, true, null, null),
            new PlanTask("status-page", PlanPhases.Assess, "Post the first status-page notice", "comms", 20, PlanDueFrom.Declared, true, "https://runbooks.example.com/status-page", null),
            new PlanTask("rollback", PlanPhases.Respond, "Roll back the last change to the failing service, or say why not", "ops", 30, PlanDueFrom.Phase, false, null, null),
            new PlanTask("support", PlanPhases.Respond, "Brief customer support with the holding statement", "comms", 30, PlanDueFrom.Declared, false, null, null),
            new PlanTask("confirm", PlanPhases.Recover, "Confirm recovery on the dashboards for 15 minutes before resolving", "ops", null, PlanDueFrom.Phase, true, null, null),
        ]);

    /// <summary>The active sample (<see cref="SampleIncidents.Logs"/>) with <see cref="Plan"/> adopted at declaration.</summary>
    public static Incident Active(string platform)
    {
        var events = SampleIncidents.Logs(platform).First(l => l.Name == "active").Events;
        var start = events[0].At;
        var log = new SampleLog(events[0].Incident, start);
        foreach (var e in events)
        {
            log.At(e.At - start, e.Actor, e.Data);
        }

        var alice = SampleIncidents.Person(platform, "Alice Martin");
        return Incident.Replay(log
            .At(0, alice, new PlanAdopted("service-outage", Plan, null))
            .At(4, alice, new PlanTaskDone("open-bridge", "bridge in the channel topic"))
            .At(12, alice, new PlanTaskSkipped("support", "no customer contact yet"))
            .At(40, alice, new PlanTaskDone("scope", null))
            .Events());
    }
}
