using ImtBot.Core.Effects;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Slack.Platform;
using ImtBot.Slack.Tests.Fakes;

namespace ImtBot.Slack.Tests.Platform;

/// <summary>Messages: the incident card (post, pin, update in place), updates, pages, escaping (I1) and reconcile by metadata (C6, A3/A4).</summary>
public sealed class SlackPlatformMessageTests : IAsyncLifetime
{
    private SlackTestHost host = null!;
    private FakeChannel channel = null!;

    public async Task InitializeAsync()
    {
        host = await SlackTestHost.StartAsync();
        channel = host.Fake.AddChannel("inc-7-checkout-is-failing");
        host.Fake.AddChannel("announcements", id: "CANNOUNCE");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private Dictionary<string, string> Links(string? card = null) => PlatformFixture.ChannelLinks(channel.Id, card);

    [Fact]
    public async Task SyncIncidentCard_First_PostsPinsAndLinksTheCard()
    {
        var outcome = await host.RunAsync(TestIncidents.Declared(7), new SyncIncidentCard(), Links());

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        var message = Assert.Single(channel.Messages);
        Assert.Equal((string)message["ts"]!, outcome.Links[SlackPlatform.CardLink]);
        Assert.StartsWith("card INC-7", (string?)message["text"]);
        Assert.Contains((string)message["ts"]!, channel.Pins);
        Assert.Equal("7:sync_card:1", (string?)message["metadata"]!["event_payload"]!["step"]);
    }

    [Fact]
    public async Task SyncIncidentCard_AlreadyPosted_UpdatesInPlace()
    {
        var first = await host.RunAsync(TestIncidents.Declared(7), new SyncIncidentCard(), Links());
        var ts = first.Links[SlackPlatform.CardLink];

        var second = await host.RunAsync(TestIncidents.Declared(7), new SyncIncidentCard(), Links(ts), step: "7:sync_card:2");

        Assert.Equal(ts, second.Links[SlackPlatform.CardLink]);
        Assert.Single(channel.Messages);
        Assert.Equal(ts, Assert.Single(host.Fake.CallsTo("chat.update")).Arg("ts"));
    }

    [Fact]
    public async Task SyncIncidentCard_CardDeletedBySomeone_PostsAFreshOne()
    {
        var outcome = await host.RunAsync(TestIncidents.Declared(7), new SyncIncidentCard(), Links("1.000000"));

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.NotEqual("1.000000", outcome.Links[SlackPlatform.CardLink]);
        Assert.Single(channel.Messages);
    }

    [Fact]
    public async Task SyncIncidentCard_PostAppliedButAnswerLost_RetryFindsItAndPostsNoDuplicate()
    {
        host.Fake.Fail("chat.postMessage", FakeFault.AbortAfterApply());
        var incident = TestIncidents.Declared(7);

        var first = await host.RunAsync(incident, new SyncIncidentCard(), Links(), attempt: 1);
        var second = await host.RunAsync(incident, new SyncIncidentCard(), Links(), attempt: 2);

        Assert.Equal(EffectOutcomeKind.Retry, first.Kind);
        Assert.Equal(EffectOutcomeKind.Done, second.Kind);
        var message = Assert.Single(channel.Messages);
        Assert.Equal((string)message["ts"]!, second.Links[SlackPlatform.CardLink]);
        Assert.Contains((string)message["ts"]!, channel.Pins);
    }

    [Fact]
    public async Task PostToChannel_PostAppliedButAnswerLost_RetryPostsOnce()
    {
        host.Fake.Fail("chat.postMessage", FakeFault.AbortAfterApply());
        var incident = TestIncidents.Declared(7);

        await host.RunAsync(incident, new PostToChannel("Reminder: update stakeholders"), Links(), attempt: 1, step: "7:post_channel:3");
        var retry = await host.RunAsync(incident, new PostToChannel("Reminder: update stakeholders"), Links(), attempt: 2, step: "7:post_channel:3");
        var next = await host.RunAsync(incident, new PostToChannel("Reminder: update stakeholders"), Links(), attempt: 2, step: "7:post_channel:4");

        Assert.Equal(EffectOutcomeKind.Done, retry.Kind);
        Assert.Equal(EffectOutcomeKind.Done, next.Kind);
        Assert.Equal(2, channel.Messages.Count);
    }

    [Fact]
    public async Task PostToChannel_UserTypedMentions_AreNeverLive()
    {
        await host.RunAsync(TestIncidents.Declared(7), new PostToChannel("<!channel> <!here> <!everyone> <!subteam^S1> <@U1> & <https://evil|Status>"), Links());

        var call = Assert.Single(host.Fake.CallsTo("chat.postMessage"));
        var text = call.Arg("text")!;
        Assert.DoesNotContain("<", text);
        Assert.DoesNotContain(">", text);
        Assert.Equal("&lt;!channel&gt; &lt;!here&gt; &lt;!everyone&gt; &lt;!subteam^S1&gt; &lt;@U1&gt; &amp; &lt;https://evil|Status&gt;", text);
        Assert.Null(call.Args["link_names"]);
    }

    [Fact]
    public async Task PostStatusUpdate_GoesToChannelAndAnnouncements()
    {
        var outcome = await host.RunAsync(TestIncidents.Declared(7), new PostStatusUpdate("Failover complete", TestIncidents.Alice), Links());

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.Equal("update INC-7: Failover complete", (string?)Assert.Single(channel.Messages)["text"]);
        Assert.Equal("update INC-7: Failover complete", (string?)Assert.Single(host.Fake.Channels["CANNOUNCE"].Messages)["text"]);
    }

    [Fact]
    public async Task PostStatusUpdate_AnnouncementRateLimited_RetryDoesNotRepostInChannel()
    {
        var incident = TestIncidents.Declared(7);
        host.Fake.Fail("chat.postMessage", FakeFault.Pass());
        host.Fake.Fail("chat.postMessage", FakeFault.RateLimited(TimeSpan.FromSeconds(10)));

        var first = await host.RunAsync(incident, new PostStatusUpdate("Failover complete", TestIncidents.Alice), Links(), attempt: 1);
        var second = await host.RunAsync(incident, new PostStatusUpdate("Failover complete", TestIncidents.Alice), Links(), attempt: 2);

        Assert.Equal(EffectOutcomeKind.Retry, first.Kind);
        Assert.Equal(EffectOutcomeKind.Done, second.Kind);
        Assert.Single(channel.Messages);
        Assert.Single(host.Fake.Channels["CANNOUNCE"].Messages);
    }

    [Fact]
    public async Task Announce_EscapesAndPostsToAnnouncements()
    {
        await host.RunAsync(TestIncidents.Declared(7), new Announce("INC-7 declared: <!channel> checkout"), Links());

        Assert.Equal("INC-7 declared: &lt;!channel&gt; checkout", (string?)Assert.Single(host.Fake.Channels["CANNOUNCE"].Messages)["text"]);
    }

    [Fact]
    public async Task SendPage_DirectMessagesThePageCard()
    {
        var outcome = await host.RunAsync(TestIncidents.Declared(7), new SendPage("p1", new UserRef("slack", "UBOB", "Bob"), "commander", "db down", host.Clock.GetUtcNow().AddMinutes(5)), Links());

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        var dm = host.Fake.Channels["DUBOB"];
        var message = Assert.Single(dm.Messages);
        Assert.Equal("page INC-7 p1", (string?)message["text"]);
        Assert.Equal("DUBOB/" + (string)message["ts"]!, outcome.Links["slack:page:p1"]);
    }

    [Fact]
    public async Task SendPage_ToATeamsUser_Fails()
    {
        var outcome = await host.RunAsync(TestIncidents.Declared(7), new SendPage("p1", new UserRef("teams", "29:x", "Tom"), null, null, host.Clock.GetUtcNow()), Links());

        Assert.Equal(EffectOutcomeKind.Failed, outcome.Kind);
    }

    [Fact]
    public async Task NotifyUser_DirectMessageIsEscaped()
    {
        await host.RunAsync(TestIncidents.Declared(7), new NotifyUser(new UserRef("slack", "UALICE", "Alice"), "No update for 30 min <!here>"), Links());

        Assert.Equal("No update for 30 min &lt;!here&gt;", (string?)Assert.Single(host.Fake.Channels["DUALICE"].Messages)["text"]);
    }

    [Fact]
    public async Task NotifyUser_ReminderWithSnooze_SendsTheReminderCard()
    {
        await host.RunAsync(TestIncidents.Declared(7), new NotifyUser(new UserRef("slack", "UALICE", "Alice"), "No update for 30 min") { Snooze = "update" }, Links());

        Assert.Equal("reminder INC-7 update: No update for 30 min", (string?)Assert.Single(host.Fake.Channels["DUALICE"].Messages)["text"]);
    }

    [Fact]
    public async Task PostReview_PostsTheReviewCard()
    {
        await host.RunAsync(TestIncidents.Declared(7), new PostReview(), Links());

        Assert.Equal("review INC-7", (string?)Assert.Single(channel.Messages)["text"]);
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("is_archived")]
    public async Task PostToChannel_PermanentChannelErrors_Fail(string error)
    {
        var links = error switch
        {
            "channel_not_found" => PlatformFixture.ChannelLinks("CGONE"),
            "not_in_channel" => PlatformFixture.ChannelLinks(host.Fake.AddChannel("elsewhere", botIsMember: false).Id),
            _ => Links(),
        };
        channel.Archived = error == "is_archived";

        var outcome = await host.RunAsync(TestIncidents.Declared(7), new PostToChannel("hello"), links);

        Assert.Equal(EffectOutcomeKind.Failed, outcome.Kind);
        Assert.Equal(error, outcome.Error);
    }

    [Fact]
    public async Task PostToChannel_RateLimited_RetryNoSoonerThanRetryAfter()
    {
        host.Fake.Fail("chat.postMessage", FakeFault.RateLimited(TimeSpan.FromSeconds(30)));

        var outcome = await host.RunAsync(TestIncidents.Declared(7), new PostToChannel("hello"), Links());

        Assert.Equal(EffectOutcomeKind.Retry, outcome.Kind);
        Assert.Equal("ratelimited", outcome.Error);
        Assert.Equal(TimeSpan.FromSeconds(30), outcome.RetryAfter);
        Assert.Empty(channel.Messages);
    }
}
