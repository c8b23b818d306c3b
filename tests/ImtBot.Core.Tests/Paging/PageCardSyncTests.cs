using ImtBot.Core.Commands;
using ImtBot.Core.Effects;
using ImtBot.Core.Incidents;
using ImtBot.Core.Tests.Incidents;

namespace ImtBot.Core.Tests.Paging;

/// <summary>Which decisions ask the platform to edit a page card in place (<see cref="SyncPageCard"/>), and for which page.</summary>
public class PageCardSyncTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10); // SEV2

    private static Scenario Paged()
    {
        var s = Scenario.Declared(People.Alice, severity: 2);
        s.Ok(People.Alice, new RoleCommand("commander", UserArg.Me));
        s.OnCall["ops"] = [People.Bob, People.Carol];
        s.Ok(People.Alice, new PageCommand("ops", null, null));
        return s;
    }

    [Fact]
    public void SendingAPage_DoesNotSyncAPageCard()
    {
        var s = Scenario.Declared(People.Alice, severity: 2);
        s.OnCall["ops"] = [People.Bob];

        var d = s.Ok(People.Alice, new PageCommand("ops", null, null));

        Assert.Empty(Scenario.Of<SyncPageCard>(d));
    }

    [Fact]
    public void Acknowledge_SyncsThatPageCard()
    {
        var s = Paged();

        var d = s.Ok(People.Bob, new AckCommand());

        Assert.Equal(new SyncPageCard("p1"), Assert.Single(Scenario.Of<SyncPageCard>(d)));
    }

    [Fact]
    public void Decline_SyncsTheDeclinedPageCardOnly()
    {
        var s = Paged();

        var d = s.Ok(People.Bob, new DeclineCommand());

        Assert.Equal(new SyncPageCard("p1"), Assert.Single(Scenario.Of<SyncPageCard>(d)));
        Assert.Equal("p2", Assert.Single(Scenario.Of<SendPage>(d)).PageId);
    }

    [Fact]
    public void Expiry_SyncsTheExpiredPageCard_WhichCanNameWhoIsPagedNext()
    {
        var s = Paged();
        s.Advance(Timeout);

        var d = s.Fire("page:p1");

        Assert.Equal(new SyncPageCard("p1"), Assert.Single(Scenario.Of<SyncPageCard>(d)));
        var expired = s.Live.FindPage("p1")!;
        var next = s.Live.FindPage("p2")!;
        Assert.Equal((PageStatus.Expired, People.Carol), (expired.Status, next.To));
        Assert.Equal(expired.AnsweredAt, next.SentAt); // what the page card uses to say "paged Carol next"
    }

    [Fact]
    public void TimerAfterTheAnswer_SyncsNothing()
    {
        var s = Paged();
        s.Ok(People.Bob, new AckCommand());
        s.Advance(Timeout);

        var d = s.Fire("page:p1");

        Assert.Empty(d.Effects);
    }

    [Fact]
    public void SyncPageCard_SurvivesTheOutboxPayloadRoundTrip()
    {
        var json = EffectKinds.Serialize(new SyncPageCard("p3"));

        Assert.Equal("""{"kind":"sync_page","pageId":"p3"}""", json);
        Assert.Equal(new SyncPageCard("p3"), EffectKinds.Deserialize(json));
        Assert.Equal("sync_page", new SyncPageCard("p3").Kind);
    }
}
