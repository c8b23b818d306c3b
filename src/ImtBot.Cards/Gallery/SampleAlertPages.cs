using ImtBot.Core.Alerts;
using ImtBot.Core.Alerts.Pages;
using ImtBot.Core.Commands;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;

namespace ImtBot.Cards.Gallery;

/// <summary>An alert page for the gallery: paged, then acknowledged, then silenced — the three faces of its page card.</summary>
internal static class SampleAlertPages
{
    private static readonly DateTimeOffset At = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    public static IEnumerable<(string State, AlertPage Page, DateTimeOffset Now)> All(string platform)
    {
        var bob = SampleIncidents.Person(platform, "Bob Okafor");
        var alert = new Alert("prometheus", "queue-backlog", AlertState.Firing, "Queue backlog above 10k on orders", null,
            new Dictionary<string, string> { ["service"] = "orders", ["severity"] = "warning" }, ["https://grafana.example/d/queue"], At, "prometheus:orders");
        var events = new List<IncidentEvent>();
        void Apply(Decision d, UserRef actor, DateTimeOffset at)
        {
            foreach (var data in d.Events)
            {
                events.Add(EventChain.Append(events.Count == 0 ? EventChain.GenesisHash : events[^1].Hash, AlertPageKey.Stream(3), events.Count + 1, at, actor, data));
            }
        }

        Apply(AlertPageDecider.Open(alert, "ops", [bob, SampleIncidents.Person(platform, "Carol Diaz")], TimeSpan.FromMinutes(60), 2, platform, 3, At), UserRef.System, At);
        yield return ("paged", AlertPage.Replay(events), At);
        Apply(AlertPageDecider.Decide(AlertPage.Replay(events), new AlertPageCommand(AlertPageVerb.Ack, 3), bob, At.AddMinutes(2)), bob, At.AddMinutes(2));
        yield return ("acknowledged", AlertPage.Replay(events), At.AddMinutes(2));
        Apply(AlertPageDecider.Decide(AlertPage.Replay(events), new AlertPageCommand(AlertPageVerb.Silence, 3) { For = TimeSpan.FromHours(4) }, bob, At.AddMinutes(5)), bob, At.AddMinutes(5));
        yield return ("silenced", AlertPage.Replay(events), At.AddMinutes(5));
    }
}
