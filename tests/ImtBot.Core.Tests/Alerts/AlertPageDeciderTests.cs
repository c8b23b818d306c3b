using ImtBot.Core.Alerts;
using ImtBot.Core.Alerts.Pages;
using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Paging;
using ImtBot.Core.Platforms;
using ImtBot.Core.Tests.Incidents;

namespace ImtBot.Core.Tests.Alerts;

/// <summary>The alert page's pure decisions, folded through its one fold, on a hand-moved clock.</summary>
public class AlertPageDeciderTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    private static readonly DateTimeOffset T0 = Scenario.Start;

    private static readonly Alert Queue = new("gen", "q1", AlertState.Firing, "Queue backlog", null,
        new Dictionary<string, string> { ["service"] = "queue" }, ["https://grafana.example/d/q"], T0, "gen:q1");

    /// <summary>The events so far, and the page as folded from them.</summary>
    private sealed class Stream
    {
        private readonly List<IncidentEvent> _events = [];

        public AlertPage Page => AlertPage.Replay(_events);

        public IReadOnlyList<IncidentEvent> Events => _events;

        public Decision Apply(Decision decision, UserRef actor, DateTimeOffset at)
        {
            Assert.True(decision.Accepted, decision.Reply);
            foreach (var data in decision.Events)
            {
                _events.Add(EventChain.Append(_events.Count == 0 ? EventChain.GenesisHash : _events[^1].Hash, AlertPageKey.Stream(1), _events.Count + 1, at, actor, data));
            }

            return decision;
        }
    }

    private static Stream Opened(int onCall = 2, int rounds = 2)
    {
        var s = new Stream();
        s.Apply(AlertPageDecider.Open(Queue, "ops", new[] { People.Bob, People.Carol }.Take(onCall).ToArray(), Timeout, rounds, PlatformNames.Console, 1, T0), UserRef.System, T0);
        return s;
    }

    [Fact]
    public void Open_PagesTheFirstOnCall_WithADeadlineTimer()
    {
        var s = Opened();

        var page = s.Page;
        Assert.Equal("AP-1", page.Key);
        Assert.Equal(AlertPageState.Paging, page.State);
        Assert.Equal(People.Bob, Assert.Single(page.OpenPages).To);
        Assert.Equal(-1, s.Events[0].Incident);
    }

    [Fact]
    public void Open_NoOnCallList_AnnouncesThatNobodyWasPaged()
    {
        var decision = AlertPageDecider.Open(Queue, "dba", [], Timeout, 2, PlatformNames.Console, 1, T0);

        Assert.Contains("no on-call list for dba", decision.Reply, StringComparison.Ordinal);
        Assert.IsType<Announce>(Assert.Single(decision.Effects));
    }

    [Fact]
    public void Expiry_EscalatesDownTheList_ThenAgainFromTheTop_ThenGivesUp()
    {
        var s = Opened(rounds: 2);
        var at = T0;
        var paged = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            at += Timeout;
            var open = Assert.Single(s.Page.OpenPages);
            s.Apply(AlertPageDecider.OnTimer(s.Page, TimerKeys.Page(open.Id), at), UserRef.System, at);
            paged.AddRange(s.Page.OpenPages.Select(p => p.To.Id));
        }

        Assert.Equal(["carol", "bob", "carol"], paged);
        Assert.Equal(AlertPageState.Unanswered, s.Page.State);
        Assert.Equal(4, s.Page.Pages.Count);
    }

    [Fact]
    public void Ack_OnlyByWhoeverIsPaged_RecordsWhoAndWhen_AndItsTimerThenDoesNothing()
    {
        var s = Opened();

        Assert.False(AlertPageDecider.Decide(s.Page, new AlertPageCommand(AlertPageVerb.Ack, 1), People.Carol, T0).Accepted);
        s.Apply(AlertPageDecider.Decide(s.Page, new AlertPageCommand(AlertPageVerb.Ack, 1), People.Bob, T0.AddMinutes(2)), People.Bob, T0.AddMinutes(2));

        Assert.Equal(AlertPageState.Acknowledged, s.Page.State);
        Assert.Equal(People.Bob, s.Page.AcknowledgedBy);
        Assert.Equal(T0.AddMinutes(2), s.Page.AcknowledgedAt);
        Assert.Empty(AlertPageDecider.OnTimer(s.Page, TimerKeys.Page("p1"), T0 + Timeout).Events);
    }

    [Fact]
    public void Decline_PagesTheNextAtOnce()
    {
        var s = Opened();

        var decision = s.Apply(AlertPageDecider.Decide(s.Page, new AlertPageCommand(AlertPageVerb.Decline, 1), People.Bob, T0), People.Bob, T0);

        Assert.Equal(People.Carol, Assert.Single(s.Page.OpenPages).To);
        Assert.Contains(decision.Effects, e => e is SendPage { To.Id: "carol" });
    }

    [Fact]
    public void Resolve_TellsWhoeverIsPaged_StopsPaging_AndLaterTimersDoNothing()
    {
        var s = Opened();

        var decision = s.Apply(AlertPageDecider.Resolve(s.Page, Queue with { Status = AlertState.Resolved }), UserRef.System, T0.AddMinutes(1));

        Assert.Contains(decision.Effects, e => e is NotifyUser { To.Id: "bob" } n && n.Text.StartsWith("AP-1 resolved", StringComparison.Ordinal));
        Assert.Equal(AlertPageState.Resolved, s.Page.State);
        Assert.Empty(s.Page.OpenPages);
        Assert.Empty(AlertPageDecider.OnTimer(s.Page, TimerKeys.Page("p1"), T0 + Timeout).Events);
        Assert.False(AlertPageDecider.Decide(s.Page, new AlertPageCommand(AlertPageVerb.Ack, 1), People.Bob, T0).Accepted);
    }

    [Fact]
    public void Silence_CountsRepeats_EndsOnItsOwnTimerOnly_AndUnsilenceNeedsASilence()
    {
        var s = Opened();
        var silence = s.Apply(AlertPageDecider.Decide(s.Page, new AlertPageCommand(AlertPageVerb.Silence, 1) { For = TimeSpan.FromHours(1) }, People.Bob, T0), People.Bob, T0);
        var timer = Assert.Single(silence.Effects.OfType<ScheduleTimer>());
        Assert.Equal(T0.AddHours(1), timer.DueAt);
        Assert.True(s.Page.IsSilenced(T0.AddMinutes(59)));
        Assert.Equal(People.Bob, s.Page.SilencedBy);

        s.Apply(AlertPageDecider.Repeat(s.Page, T0.AddMinutes(5)), UserRef.System, T0.AddMinutes(5));
        Assert.Equal(2, s.Page.Count);

        // A second, longer silence: the first one's timer ends nothing.
        s.Apply(AlertPageDecider.Decide(s.Page, new AlertPageCommand(AlertPageVerb.Silence, 1) { For = TimeSpan.FromHours(4) }, People.Carol, T0.AddMinutes(10)), People.Carol, T0.AddMinutes(10));
        Assert.Empty(AlertPageDecider.OnTimer(s.Page, timer.TimerKey, T0.AddHours(1)).Events);
        s.Apply(AlertPageDecider.Decide(s.Page, new AlertPageCommand(AlertPageVerb.Unsilence, 1), People.Carol, T0.AddHours(2)), People.Carol, T0.AddHours(2));
        Assert.False(s.Page.IsSilenced(T0.AddHours(2)));
        Assert.False(AlertPageDecider.Decide(s.Page, new AlertPageCommand(AlertPageVerb.Unsilence, 1), People.Carol, T0.AddHours(2)).Accepted);
    }

    [Fact]
    public void Declared_ClosesThePage_AndASecondDeclarationIsRefused()
    {
        var s = Opened();

        s.Apply(AlertPageDecider.Declared(s.Page, 7, People.Bob), People.Bob, T0.AddMinutes(1));

        Assert.Equal(AlertPageState.Declared, s.Page.State);
        Assert.Equal(7, s.Page.Incident);
        Assert.False(AlertPageDecider.CanDeclare(s.Page).Accepted);
        Assert.Empty(s.Page.OpenPages);
    }

    [Fact]
    public void EveryAlertPageEventType_IsFolded_AndTheStreamChains()
    {
        var s = Opened();
        s.Apply(AlertPageDecider.Decide(s.Page, new AlertPageCommand(AlertPageVerb.Decline, 1), People.Bob, T0), People.Bob, T0);
        s.Apply(AlertPageDecider.Decide(s.Page, new AlertPageCommand(AlertPageVerb.Ack, 1), People.Carol, T0), People.Carol, T0);
        s.Apply(AlertPageDecider.Repeat(s.Page, T0), UserRef.System, T0);
        var silence = s.Apply(AlertPageDecider.Decide(s.Page, new AlertPageCommand(AlertPageVerb.Silence, 1) { For = TimeSpan.FromMinutes(30) }, People.Carol, T0), People.Carol, T0);
        s.Apply(AlertPageDecider.OnTimer(s.Page, silence.Effects.OfType<ScheduleTimer>().Single().TimerKey, T0.AddMinutes(30)), UserRef.System, T0.AddMinutes(30));
        s.Apply(AlertPageDecider.Decide(s.Page, new AlertPageCommand(AlertPageVerb.Silence, 1) { For = TimeSpan.FromMinutes(30) }, People.Carol, T0.AddMinutes(31)), People.Carol, T0.AddMinutes(31));
        s.Apply(AlertPageDecider.Decide(s.Page, new AlertPageCommand(AlertPageVerb.Unsilence, 1), People.Carol, T0.AddMinutes(32)), People.Carol, T0.AddMinutes(32));
        s.Apply(AlertPageDecider.Declared(s.Page, 3, People.Carol), People.Carol, T0.AddMinutes(33));
        var other = Opened();
        other.Apply(AlertPageDecider.OnTimer(other.Page, TimerKeys.Page("p1"), T0 + Timeout), UserRef.System, T0 + Timeout);
        other.Apply(AlertPageDecider.Resolve(other.Page, Queue with { Status = AlertState.Resolved }), UserRef.System, T0 + Timeout);

        string[] pageEvents = ["alert_page_opened", "page_sent", "page_declined", "page_acknowledged", "alert_repeated", "alert_page_silenced", "alert_page_silence_ended", "alert_page_unsilenced", "alert_page_declared", "page_expired", "alert_resolved"];
        Assert.Equal(pageEvents.Order(), s.Events.Concat(other.Events).Select(e => e.Type).Distinct().Order());
        Assert.True(ChainVerifier.Verify(s.Events).Valid);
        var replayed = AlertPage.Replay(Incidents.StateFingerprint.RoundTrip(s.Events));
        Assert.Equal(s.Page.History.Select(h => h.Text), replayed.History.Select(h => h.Text));
    }
}
