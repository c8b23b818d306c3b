using ImtBot.Core.Effects;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Slack.Platform;
using ImtBot.Slack.Tests.Fakes;

namespace ImtBot.Slack.Tests.Platform;

/// <summary>OpenChannel, InviteUsers and ArchiveChannel against the fake: naming, name_taken adoption, reconcile (docs/reliability.md §Outbox).</summary>
public sealed class SlackPlatformChannelTests : IAsyncLifetime
{
    private const string Name = "inc-7-checkout-is-failing";
    private SlackTestHost host = null!;

    public async Task InitializeAsync() => host = await SlackTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public void Name_IsSlack()
    {
        Assert.Equal("slack", host.Get<IChatPlatform>().Name);
        Assert.IsType<SlackPlatform>(host.Get<IChatPlatform>());
    }

    [Fact]
    public async Task OpenChannel_NewIncident_CreatesTaggedChannelAndInvitesTheDeclarer()
    {
        var outcome = await host.RunAsync(TestIncidents.Declared(7), new OpenChannel());

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        var channel = Assert.Single(host.Fake.Channels.Values);
        Assert.Equal(channel.Id, outcome.Links[SlackPlatform.ChannelLink]);
        Assert.Equal(Name, channel.Name);
        Assert.True(SlackPlatform.HasTag(channel.Purpose, "INC-7"));
        Assert.Contains("Checkout is failing", channel.Purpose);
        Assert.Equal("SEV2 · Declared · no commander yet", channel.Topic);
        Assert.Contains("UALICE", channel.Members);
    }

    [Fact]
    public async Task OpenChannel_PrivateIncident_CreatesAPrivateChannel()
    {
        var outcome = await host.RunAsync(TestIncidents.DeclaredPrivate(9), new OpenChannel());

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        var channel = Assert.Single(host.Fake.Channels.Values);
        Assert.True(channel.IsPrivate);
        Assert.Contains("UALICE", channel.Members);
        Assert.Equal("true", host.Fake.CallsTo("conversations.create").Single().Arg("is_private"));
    }

    [Fact]
    public async Task OpenChannel_PublicIncident_CreatesAPublicChannel()
    {
        await host.RunAsync(TestIncidents.Declared(7), new OpenChannel());

        Assert.False(Assert.Single(host.Fake.Channels.Values).IsPrivate);
    }

    [Fact]
    public async Task OpenChannel_TitleWithMentions_PurposeShowsThemLiterally()
    {
        var outcome = await host.RunAsync(TestIncidents.Declared(8, "<!channel> payments <@U1> down"), new OpenChannel());

        var channel = host.Fake.Channels[outcome.Links[SlackPlatform.ChannelLink]];
        Assert.Equal("inc-8-channel-payments-u1-down", channel.Name);
        Assert.Equal("ImtBot INC-8: &lt;!channel&gt; payments &lt;@U1&gt; down", channel.Purpose);
    }

    [Fact]
    public async Task OpenChannel_NameTakenBySomeoneElse_AddsASuffix()
    {
        var foreign = host.Fake.AddChannel(Name, purpose: "the checkout team's channel");

        var outcome = await host.RunAsync(TestIncidents.Declared(7), new OpenChannel());

        var id = outcome.Links[SlackPlatform.ChannelLink];
        Assert.NotEqual(foreign.Id, id);
        Assert.Equal(Name + "-2", host.Fake.Channels[id].Name);
        Assert.Equal("the checkout team's channel", foreign.Purpose);
    }

    [Fact]
    public async Task OpenChannel_NameTakenByThisIncidentsTaggedChannel_AdoptsIt()
    {
        var ours = host.Fake.AddChannel(Name, purpose: "ImtBot INC-7: Checkout is failing", creator: FakeSlack.BotUserId);

        var outcome = await host.RunAsync(TestIncidents.Declared(7), new OpenChannel(), attempt: 2);

        Assert.Equal(ours.Id, outcome.Links[SlackPlatform.ChannelLink]);
        Assert.Single(host.Fake.Channels);
    }

    [Fact]
    public async Task OpenChannel_TagOfIncident70_IsNotIncident7()
    {
        host.Fake.AddChannel(Name, purpose: "ImtBot INC-70: Checkout is failing", creator: FakeSlack.BotUserId);

        var outcome = await host.RunAsync(TestIncidents.Declared(7), new OpenChannel());

        Assert.Equal(Name + "-2", host.Fake.Channels[outcome.Links[SlackPlatform.ChannelLink]].Name);
    }

    [Fact]
    public async Task OpenChannel_CreateAppliedButAnswerLost_RetryAdoptsTheSameChannel()
    {
        host.Fake.Fail("conversations.create", FakeFault.AbortAfterApply());
        var incident = TestIncidents.Declared(7);

        var first = await host.RunAsync(incident, new OpenChannel(), attempt: 1);
        var second = await host.RunAsync(incident, new OpenChannel(), attempt: 2);

        Assert.Equal(EffectOutcomeKind.Retry, first.Kind);
        Assert.Equal(EffectOutcomeKind.Done, second.Kind);
        var channel = Assert.Single(host.Fake.Channels.Values);
        Assert.Equal(Name, channel.Name);
        Assert.Equal(channel.Id, second.Links[SlackPlatform.ChannelLink]);
        Assert.True(SlackPlatform.HasTag(channel.Purpose, "INC-7"));
    }

    [Fact]
    public async Task OpenChannel_UntaggedBotChannelOnAFirstAttempt_IsNotAdopted()
    {
        host.Fake.AddChannel(Name, creator: FakeSlack.BotUserId);

        var outcome = await host.RunAsync(TestIncidents.Declared(7), new OpenChannel(), attempt: 1);

        Assert.Equal(Name + "-2", host.Fake.Channels[outcome.Links[SlackPlatform.ChannelLink]].Name);
    }

    [Fact]
    public async Task OpenChannel_ChannelAlreadyLinked_CreatesNothing()
    {
        var outcome = await host.RunAsync(TestIncidents.Declared(7), new OpenChannel(), PlatformFixture.ChannelLinks("C999"));

        Assert.Equal("C999", outcome.Links[SlackPlatform.ChannelLink]);
        Assert.Empty(host.Fake.CallsTo("conversations.create"));
    }

    [Theory]
    [InlineData("token_revoked")]
    [InlineData("invalid_auth")]
    public async Task OpenChannel_AuthRevoked_FailsForGood(string error)
    {
        host.Fake.Fail("conversations.create", FakeFault.Answer(error));

        var outcome = await host.RunAsync(TestIncidents.Declared(7), new OpenChannel());

        Assert.Equal(EffectOutcomeKind.Failed, outcome.Kind);
        Assert.Equal(error, outcome.Error);
        Assert.Empty(host.Fake.Channels);
    }

    [Fact]
    public async Task OpenChannel_RateLimited_RetryNoSoonerThanRetryAfter()
    {
        host.Fake.Fail("conversations.create", FakeFault.RateLimited(TimeSpan.FromSeconds(42)));

        var outcome = await host.RunAsync(TestIncidents.Declared(7), new OpenChannel());

        Assert.Equal(EffectOutcomeKind.Retry, outcome.Kind);
        Assert.Equal(TimeSpan.FromSeconds(42), outcome.RetryAfter);
    }

    [Fact]
    public void Topic_WithSlackCommander_MentionsThem()
    {
        var incident = TestIncidents.Declared(7, more: [new StatusChanged(IncidentStatus.Declared, IncidentStatus.Investigating, null), new RoleAssigned("commander", new UserRef("slack", "UBOB", "Bob"))]);

        var topic = SlackPlatform.Topic(new EffectContext("7:sync_card:1", incident, new SyncIncidentCard(), new Dictionary<string, string>(), 1));

        Assert.Equal("SEV2 · Investigating · IC <@UBOB>", topic);
    }

    [Fact]
    public async Task InviteUsers_SlackUsers_AreInvitedOnceAndOthersSkipped()
    {
        var channel = host.Fake.AddChannel(Name);
        channel.Members.Add("UALICE");
        var users = new List<UserRef> { new("slack", "UALICE", "Alice"), new("slack", "UBOB", "Bob"), new("teams", "29:x", "Tom"), new("slack", "UNOBODY", "Ghost") };

        var outcome = await host.RunAsync(TestIncidents.Declared(7), new InviteUsers(users), PlatformFixture.ChannelLinks(channel.Id));

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.Contains("UBOB", channel.Members);
        Assert.Equal(3, host.Fake.CallsTo("conversations.invite").Count);
    }

    [Fact]
    public async Task InviteUsers_ChannelNotOpenYet_RetriesLater()
    {
        var outcome = await host.RunAsync(TestIncidents.Declared(7), new InviteUsers([TestIncidents.Alice]));

        Assert.Equal(EffectOutcomeKind.Retry, outcome.Kind);
        Assert.Null(outcome.RetryAfter); // when is the dispatcher's schedule, not the platform's
    }

    [Fact]
    public async Task ArchiveChannel_ClosedIncident_WaitsArchiveAfterThenArchives()
    {
        var channel = host.Fake.AddChannel(Name);
        var closedAt = host.Clock.GetUtcNow();
        var incident = TestIncidents.Closed(7, closedAt);

        var early = await host.RunAsync(incident, new ArchiveChannel(closedAt), PlatformFixture.ChannelLinks(channel.Id));
        host.Clock.Advance(TimeSpan.FromDays(7));
        var due = await host.RunAsync(incident, new ArchiveChannel(closedAt), PlatformFixture.ChannelLinks(channel.Id), attempt: 2);

        Assert.Equal(EffectOutcomeKind.Retry, early.Kind);
        Assert.Equal(TimeSpan.FromDays(7), early.RetryAfter);
        Assert.Equal(EffectOutcomeKind.Done, due.Kind);
        Assert.True(channel.Archived);
    }
}
