using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Tests.Incidents;

namespace ImtBot.Core.Tests.Paging;

public class EscalationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10); // SEV2

    private static Scenario WithOpsList()
    {
        var s = Scenario.Declared(People.Alice, severity: 2);
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        s.OnCall["ops"] = [People.Bob, People.Carol, People.Dave];
        return s;
    }

    [Fact]
    public void PageRole_PagesFirstOnListWithDeadlineAndSnapshotsTheList()
    {
        var s = WithOpsList();

        var d = s.Ok(People.Alice, new PageCommand("ops", null, "db slow"));

        var list = Assert.Single(Scenario.EventsOf<OnCallListSet>(d));
        Assert.Equal([People.Bob, People.Carol, People.Dave], list.Users);
        var page = Assert.Single(Scenario.Of<SendPage>(d));
        Assert.Equal((People.Bob, "ops", Scenario.Start + Timeout), (page.To, page.Role, page.Deadline));
        Assert.Equal(new ScheduleTimer("page:p1", Scenario.Start + Timeout), Assert.Single(Scenario.Of<ScheduleTimer>(d)));
        Assert.Single(Scenario.Of<PostToChannel>(d));
    }

    [Fact]
    public void Escalation_ExpiryDeclineAcknowledge_WalksTheListAndStops()
    {
        var s = WithOpsList();
        s.Ok(People.Alice, new PageCommand("ops", null, null));

        s.Advance(Timeout);
        var expired = s.Fire("page:p1");
        Assert.Equal("p1", Assert.Single(Scenario.EventsOf<PageExpired>(expired)).PageId);
        Assert.Equal(People.Carol, Assert.Single(Scenario.Of<SendPage>(expired)).To);
        Assert.Contains(Scenario.Of<PostToChannel>(expired), p => p.Text.Contains("@Carol", StringComparison.Ordinal));

        s.Advance(TimeSpan.FromMinutes(1));
        var declined = s.Ok(People.Carol, new DeclineCommand());
        Assert.Equal("p2", Assert.Single(Scenario.EventsOf<PageDeclined>(declined)).PageId);
        Assert.Empty(Scenario.EventsOf<ParticipantJoined>(declined));
        var third = Assert.Single(Scenario.Of<SendPage>(declined));
        Assert.Equal(People.Dave, third.To);
        Assert.Equal(s.Clock.GetUtcNow() + Timeout, third.Deadline);

        var acked = s.Ok(People.Dave, new AckCommand());
        Assert.Empty(Scenario.Of<SendPage>(acked));
        Assert.Equal(People.Dave, s.Live.Holder("ops"));
        Assert.Contains(Scenario.Of<InviteUsers>(acked), i => i.Users.Contains(People.Dave));

        s.Advance(Timeout);
        var late = s.Fire("page:p3");
        Assert.Empty(late.Events);
        Assert.Empty(late.Effects);
        Assert.Equal([PageStatus.Expired, PageStatus.Declined, PageStatus.Acknowledged], s.Live.Pages.Select(p => p.Status));
    }

    [Fact]
    public void Escalation_ListExhausted_StartsAgainUpToPageRoundsThenStops()
    {
        var s = WithOpsList();
        s.Ok(People.Alice, new PageCommand("ops", null, null));
        var rounds = new List<int>();

        for (var i = 1; i <= 6; i++)
        {
            s.Advance(Timeout);
            var d = s.Fire($"page:p{i}");
            var sent = Scenario.EventsOf<PageSent>(d);
            rounds.AddRange(sent.Select(p => p.Round));
            if (i == 3)
            {
                var told = Assert.Single(Scenario.Of<NotifyUser>(d));
                Assert.Equal(People.Alice, told.To);
                Assert.Contains("round 2 of 2", told.Text, StringComparison.Ordinal);
                Assert.Equal(People.Bob, Assert.Single(sent).To);
            }
        }

        Assert.Equal([1, 1, 2, 2, 2], rounds);
        Assert.Equal(6, s.Live.Pages.Count);
        Assert.All(s.Live.Pages, p => Assert.Equal(PageStatus.Expired, p.Status));
        var last = s.Events.Where(e => e.Data is PageExpired).Last();
        Assert.Equal("p6", ((PageExpired)last.Data).PageId);
    }

    [Fact]
    public void Escalation_GaveUp_TellsCommanderAndChannel()
    {
        var s = WithOpsList();
        s.Options.PageRounds = 1;
        s = Redeclare(s);
        s.Ok(People.Alice, new PageCommand("ops", null, null));
        s.Ok(People.Bob, new DeclineCommand());
        s.Ok(People.Carol, new DeclineCommand());

        var d = s.Ok(People.Dave, new DeclineCommand());

        Assert.Empty(Scenario.Of<SendPage>(d));
        Assert.Equal(People.Alice, Assert.Single(Scenario.Of<NotifyUser>(d)).To);
        Assert.Contains("1 round", Assert.Single(Scenario.Of<PostToChannel>(d)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Escalation_NoCommander_TellsTheDeclarer()
    {
        var s = Scenario.Declared(People.Erin);
        s.OnCall["ops"] = [People.Bob];
        s.Ok(People.Erin, new PageCommand("ops", null, null));

        var d = s.Ok(People.Bob, new DeclineCommand());

        Assert.Equal(People.Erin, Assert.Single(Scenario.Of<NotifyUser>(d)).To);
        Assert.Equal(People.Bob, Assert.Single(Scenario.Of<SendPage>(d)).To);
    }

    [Fact]
    public void PageRole_WithoutList_RejectedNamingOncall()
    {
        var s = Scenario.Declared();

        var d = s.No(People.Alice, new PageCommand("ops", null, null));

        Assert.Contains("/incident oncall ops", d.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void PageRole_WhileChainRunning_Rejected()
    {
        var s = WithOpsList();
        s.Ok(People.Alice, new PageCommand("ops", null, null));

        var d = s.No(People.Erin, new PageCommand("ops", null, null));

        Assert.Contains("already being paged", d.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void PageUser_Expires_ChannelAndCommanderTold_NoEscalation()
    {
        var s = WithOpsList();
        s.Ok(People.Alice, new PageCommand(null, People.Arg(People.Erin), "need you"));

        s.Advance(Timeout);
        var d = s.Fire("page:p1");

        Assert.Single(Scenario.EventsOf<PageExpired>(d));
        Assert.Empty(Scenario.Of<SendPage>(d));
        Assert.Equal(People.Alice, Assert.Single(Scenario.Of<NotifyUser>(d)).To);
    }

    [Fact]
    public void Timer_RacingAcknowledgement_TimerAfterAckDoesNothing()
    {
        var s = WithOpsList();
        s.Ok(People.Alice, new PageCommand("ops", null, null));
        s.Advance(Timeout);

        s.Ok(People.Bob, new AckCommand());
        var timer = s.Fire("page:p1");

        Assert.Empty(timer.Events);
        Assert.Empty(timer.Effects);
        Assert.Equal(PageStatus.Acknowledged, Assert.Single(s.Live.Pages).Status);
    }

    [Fact]
    public void Timer_ExpiryFirst_ThenAckIsRejected()
    {
        var s = WithOpsList();
        s.Ok(People.Alice, new PageCommand(null, People.Arg(People.Bob), null));
        s.Advance(Timeout);
        s.Fire("page:p1");

        var d = s.No(People.Bob, new AckCommand());

        Assert.Contains("no open page", d.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void Expiry_RoleFilledMeanwhile_NoEscalation()
    {
        var s = WithOpsList();
        s.Ok(People.Alice, new PageCommand("ops", null, null));
        s.Ok(People.Erin, new RoleCommand("ops", UserArg.Me));
        s.Advance(Timeout);

        var d = s.Fire("page:p1");

        Assert.Single(Scenario.EventsOf<PageExpired>(d));
        Assert.Empty(Scenario.Of<SendPage>(d));
        Assert.Contains("held by @Erin", Assert.Single(Scenario.Of<PostToChannel>(d)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AckOrDecline_WithoutOpenPage_Rejected()
    {
        var s = WithOpsList();

        s.No(People.Bob, new AckCommand());
        s.No(People.Bob, new DeclineCommand());
    }

    private static Scenario Redeclare(Scenario old)
    {
        var s = new Scenario();
        s.Options.PageRounds = old.Options.PageRounds;
        foreach (var (k, v) in old.OnCall)
        {
            s.OnCall[k] = v;
        }

        s.Ok(People.Alice, new DeclareCommand("Checkout is failing", 2, false));
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        return s;
    }
}
