using System.Net;
using System.Text.Json.Nodes;
using ImtBot.Core.Effects;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using ImtBot.Teams.Outbound;
using ImtBot.Teams.Tests.TestKit;
using Moq;

namespace ImtBot.Teams.Tests.Outbound;

public sealed class TeamsPlatformMessageTests : IDisposable
{
    private const string Base = PlatformFixture.ServiceUrl;
    private const string ChannelPosts = Base + "v3/conversations/19%3Anew%40thread.tacv2/activities";
    private readonly PlatformFixture f = new();
    private readonly UserRef bob = new(PlatformNames.Teams, "aad-bob", "Bob Jones");

    public void Dispose() => f.Dispose();

    private List<RecordedRequest> Posts(string rawUrl) => f.Http.Requests.Where(r => r.Method == HttpMethod.Post && r.RawUrl == rawUrl).ToList();

    [Fact]
    public async Task SyncIncidentCard_FirstTime_CreatesAPostInTheChannelAndStoresItsIds()
    {
        var outcome = await f.RunAsync(new SyncIncidentCard(), PlatformFixture.ChannelLinks());

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.Equal("111", outcome.Links["teams:activity"]);
        Assert.Equal(PlatformFixture.NewChannel + ";messageid=111", outcome.Links["teams:cardConversation"]);
        var create = Assert.Single(Posts(Base + "v3/conversations"));
        Assert.True(create.Json["isGroup"]!.GetValue<bool>());
        Assert.Equal(PlatformFixture.NewChannel, create.Json["channelData"]!["channel"]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsTestHost.TenantId, create.Json["channelData"]!["tenant"]!["id"]!.GetValue<string>());
        var attachment = create.Json["activity"]!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.GetValue<string>());
        Assert.Equal("incident card", attachment["content"]!["body"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("Bearer app-token", create.Authorization);
    }

    [Fact]
    public async Task SyncIncidentCard_RetryAfterAnUnrecordedPost_AdoptsThePostedCard()
    {
        var messages = "https://graph.test/v1.0/teams/" + PlatformFixture.GroupId + "/channels/19%3Anew%40thread.tacv2/messages";
        var content = "{\"type\":\"AdaptiveCard\",\"body\":[{\"type\":\"TextBlock\",\"id\":\"imtbot-incident-card-42\",\"isVisible\":false}]}";
        f.Http.On(HttpMethod.Get, messages, HttpStatusCode.OK, new JsonObject
        {
            ["value"] = new JsonArray(
                Message("999", TeamsTestHost.AppId, content.Replace("-42", "-4", StringComparison.Ordinal)),
                Message("998", "another-app", content),
                Message("777", TeamsTestHost.AppId, content)),
        }.ToJsonString());

        var outcome = await f.RunAsync(new SyncIncidentCard(), PlatformFixture.ChannelLinks(), attempt: 2);

        Assert.Equal("777", outcome.Links["teams:activity"]);
        Assert.Equal(PlatformFixture.NewChannel + ";messageid=777", outcome.Links["teams:cardConversation"]);
        Assert.DoesNotContain(f.Http.Requests, r => r.Method == HttpMethod.Post && r.Url.Contains("/v3/", StringComparison.Ordinal));
        Assert.Contains("$top=20", Assert.Single(f.Http.Requests, r => r.Url.StartsWith(messages, StringComparison.Ordinal)).Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncIncidentCard_RetryWithoutPermissionToReadMessages_PostsTheCard()
    {
        f.Http.On(HttpMethod.Get, "/messages", HttpStatusCode.Forbidden, """{"error":{"code":"Forbidden"}}""");

        var outcome = await f.RunAsync(new SyncIncidentCard(), PlatformFixture.ChannelLinks(), attempt: 2);

        Assert.Equal("111", outcome.Links["teams:activity"]);
        var card = Assert.Single(Posts(Base + "v3/conversations")).Json["activity"]!["attachments"]![0]!["content"]!;
        Assert.True(JsonNode.DeepEquals(PlatformFixture.Card("incident card"), card)); // posted as rendered: the marker is the card's own
    }

    private static JsonObject Message(string id, string appId, string content) => new()
    {
        ["id"] = id,
        ["from"] = new JsonObject { ["application"] = new JsonObject { ["id"] = appId, ["displayName"] = "ImtBot" } },
        ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = content }),
    };

    [Fact]
    public async Task SyncIncidentCard_AfterItWasPosted_UpdatesTheSameActivity()
    {
        var links = PlatformFixture.ChannelLinks();
        links["teams:activity"] = "111";
        links["teams:cardConversation"] = PlatformFixture.NewChannel + ";messageid=111";

        var outcome = await f.RunAsync(new SyncIncidentCard(), links);

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        var put = Assert.Single(f.Http.Requests, r => r.Url.Contains("/v3/", StringComparison.Ordinal));
        Assert.Equal(HttpMethod.Put, put.Method);
        Assert.Equal(Base + "v3/conversations/19%3Anew%40thread.tacv2%3Bmessageid%3D111/activities/111", put.RawUrl);
        Assert.Equal("message", put.Json["type"]!.GetValue<string>());
        Assert.Equal("111", put.Json["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task SyncIncidentCard_InAFallbackThread_RepliesInTheThreadAndSaysWhy()
    {
        var thread = PlatformFixture.GeneralId + ";messageid=900";

        var outcome = await f.RunAsync(new SyncIncidentCard(), PlatformFixture.ChannelLinks("thread", thread));

        Assert.Equal(thread, outcome.Links["teams:cardConversation"]);
        var post = Assert.Single(Posts(Base + "v3/conversations/" + Uri.EscapeDataString(thread) + "/activities"));
        Assert.True(JsonNode.DeepEquals(PlatformFixture.Card("incident card"), post.Json["attachments"]![0]!["content"]));
        f.Cards.Verify(c => c.Incident(PlatformNames.Teams, f.Incident, TeamsPlatform.FallbackNotice), Times.Once);
    }

    [Fact]
    public async Task SyncIncidentCard_InAGraphChannel_HasNoNotice()
    {
        await f.RunAsync(new SyncIncidentCard(), PlatformFixture.ChannelLinks());

        f.Cards.Verify(c => c.Incident(PlatformNames.Teams, f.Incident, null), Times.Once);
    }

    [Fact]
    public async Task SyncIncidentCard_BeforeTheChannelExists_RetriesWithoutCalls()
    {
        var outcome = await f.RunAsync(new SyncIncidentCard());

        Assert.Equal(EffectOutcomeKind.Retry, outcome.Kind);
        Assert.Empty(f.Http.Requests);
    }

    [Fact]
    public async Task SendPage_OpensAOneToOneChatWithTheCardAndMentionsThePersonInTheChannel()
    {
        f.Settings["teams:user:aad-bob"] = "29:bob";

        var outcome = await f.RunAsync(new SendPage("p1", bob, "commander", "db down", f.Time.GetUtcNow().AddMinutes(5)), PlatformFixture.ChannelLinks());

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.Equal("222", outcome.Links["teams:page:p1"]);
        var chat = Assert.Single(Posts(Base + "v3/conversations"));
        Assert.False(chat.Json["isGroup"]!.GetValue<bool>());
        Assert.Equal("29:bob", chat.Json["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("28:" + TeamsTestHost.AppId, chat.Json["bot"]!["id"]!.GetValue<string>());
        Assert.Equal(TeamsTestHost.TenantId, chat.Json["tenantId"]!.GetValue<string>());
        var dm = Assert.Single(Posts(Base + "v3/conversations/a%3Adm-bob/activities"));
        Assert.Equal("page card", dm.Json["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>());
        var mention = Assert.Single(Posts(ChannelPosts)).Json["attachments"]![0]!["content"]!;
        Assert.StartsWith("<at>Bob Jones</at> is paged as commander", mention["body"]![0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var entity = mention["msteams"]!["entities"]![0]!;
        Assert.Equal("mention", entity["type"]!.GetValue<string>());
        Assert.Equal("<at>Bob Jones</at>", entity["text"]!.GetValue<string>());
        Assert.Equal("aad-bob", entity["mentioned"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendPage_TeamsIdNotSeenYet_LooksItUpInTheTeamRosterAndRemembersIt()
    {
        f.Http.On(HttpMethod.Get, "/members/aad-bob", HttpStatusCode.OK, """{"id":"29:bob-roster","name":"Bob Jones","aadObjectId":"aad-bob"}""");

        await f.RunAsync(new SendPage("p1", bob, null, null, f.Time.GetUtcNow().AddMinutes(5)), PlatformFixture.ChannelLinks());

        var chat = Assert.Single(Posts(Base + "v3/conversations"));
        Assert.Equal("29:bob-roster", chat.Json["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("29:bob-roster", f.Settings["teams:user:aad-bob"]);
        Assert.Single(f.Http.Requests, r => r.RawUrl == Base + "v3/conversations/19%3Ageneral%40thread.tacv2/members/aad-bob");
    }

    [Fact]
    public async Task Send_EveryActivity_NamesItsConversationAndTheBot()
    {
        await f.RunAsync(new PostToChannel("hello"), PlatformFixture.ChannelLinks());

        var post = Assert.Single(Posts(ChannelPosts));
        Assert.Equal(PlatformFixture.NewChannel, post.Json["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal("28:" + TeamsTestHost.AppId, post.Json["from"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendPage_AlreadySent_IsNotSentAgain()
    {
        var links = PlatformFixture.ChannelLinks();
        links["teams:page:p1"] = "222";

        var outcome = await f.RunAsync(new SendPage("p1", bob, null, null, f.Time.GetUtcNow()), links);

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.Empty(f.Http.Requests);
    }

    [Fact]
    public async Task SendPage_UserBlockedTheBot_FailsWithAClearReason()
    {
        f.Http.On(HttpMethod.Post, "/v3/conversations", r => r.Url.EndsWith("/v3/conversations", StringComparison.Ordinal)
            ? FakeHttp.Json(HttpStatusCode.Forbidden, """{"error":{"code":"ConversationBlockedByUser","message":"User blocked the conversation with the bot."}}""")
            : FakeHttp.Json(HttpStatusCode.OK, """{"id":"222"}"""));

        var outcome = await f.RunAsync(new SendPage("p1", bob, null, null, f.Time.GetUtcNow()), PlatformFixture.ChannelLinks());

        Assert.Equal(EffectOutcomeKind.Failed, outcome.Kind);
        Assert.Contains("@Bob Jones cannot get a direct message", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("ConversationBlockedByUser", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendPage_ToASlackUser_Fails()
    {
        var outcome = await f.RunAsync(new SendPage("p1", new UserRef("slack", "U1", "bob"), null, null, f.Time.GetUtcNow()), PlatformFixture.ChannelLinks());

        Assert.Equal(EffectOutcomeKind.Failed, outcome.Kind);
        Assert.Empty(f.Http.Requests);
    }

    [Fact]
    public async Task InviteUsers_MentionsTheTeamsUsersInTheChannel()
    {
        var outcome = await f.RunAsync(new InviteUsers([bob, new UserRef("slack", "U1", "carol")]), PlatformFixture.ChannelLinks());

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        var post = Assert.Single(Posts(ChannelPosts)).Json;
        Assert.StartsWith("<at>Bob Jones</at> you are invited to INC-42", post["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("xml", post["textFormat"]!.GetValue<string>());
        Assert.Equal("aad-bob", Assert.Single(post["entities"]!.AsArray())!["mentioned"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task PostToChannel_UserTextWithMentionsAndLinks_StaysLiteral()
    {
        await f.RunAsync(new PostToChannel("<at>Everyone</at> see [x](javascript:alert(1)) & more"), PlatformFixture.ChannelLinks());

        var post = Assert.Single(Posts(ChannelPosts)).Json;
        Assert.Equal("&lt;at&gt;Everyone&lt;/at&gt; see [x](javascript:alert(1)) &amp; more", post["text"]!.GetValue<string>());
        Assert.Null(post["entities"]);
    }

    [Fact]
    public async Task Announce_GoesToTheTeamsGeneralChannel()
    {
        await f.RunAsync(new Announce("INC-42 declared: Checkout failing"));

        var post = Assert.Single(Posts(Base + "v3/conversations/19%3Ageneral%40thread.tacv2/activities"));
        Assert.Equal("INC-42 declared: Checkout failing", post.Json["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Announce_WithAnAnnouncementsChannel_GoesThere()
    {
        using var configured = new PlatformFixture(configure: c => c["Teams:AnnouncementsChannelId"] = "19:announce@thread.tacv2");

        await configured.RunAsync(new Announce("hello"));

        Assert.Single(configured.Http.Requests, r => r.RawUrl == Base + "v3/conversations/19%3Aannounce%40thread.tacv2/activities");
    }

    [Fact]
    public async Task PostStatusUpdate_AnnouncementsThrottled_RetryDoesNotRepostInTheChannel()
    {
        var general = Base + "v3/conversations/19%3Ageneral%40thread.tacv2/activities";
        var calls = 0;
        f.Http.On(HttpMethod.Post, general, _ => Interlocked.Increment(ref calls) == 1
            ? FakeHttp.Json(HttpStatusCode.TooManyRequests, """{"error":{"code":"Throttled"}}""", TimeSpan.FromMinutes(2))
            : FakeHttp.Json(HttpStatusCode.OK, """{"id":"333"}"""));
        var effect = new PostStatusUpdate("Mitigated by rollback", bob);

        var first = await f.RunAsync(effect, PlatformFixture.ChannelLinks());
        var second = await f.RunAsync(effect, PlatformFixture.ChannelLinks(), attempt: 2);

        Assert.Equal(EffectOutcomeKind.Retry, first.Kind);
        Assert.Equal(TimeSpan.FromMinutes(2), first.RetryAfter);
        Assert.Equal(EffectOutcomeKind.Done, second.Kind);
        Assert.Single(Posts(ChannelPosts));
        Assert.Equal(2, Posts(general).Count);
    }

    [Fact]
    // The Connector client sends once: the throttled effect goes back to the outbox with Teams' Retry-After, which the
    // dispatcher honours as a floor; the next attempt posts it once.
    public async Task PostToChannel_ThrottledBriefly_AsksForRetryAfterAndPostsOnceOnTheNextAttempt()
    {
        var calls = 0;
        f.Http.On(HttpMethod.Post, ChannelPosts, _ => Interlocked.Increment(ref calls) == 1
            ? FakeHttp.Json(HttpStatusCode.TooManyRequests, "{}", TimeSpan.FromSeconds(3))
            : FakeHttp.Json(HttpStatusCode.OK, """{"id":"444"}"""));

        var first = await f.RunAsync(new PostToChannel("hello"), PlatformFixture.ChannelLinks());
        var callsAfterFirst = calls;
        var second = await f.RunAsync(new PostToChannel("hello"), PlatformFixture.ChannelLinks(), attempt: 2);

        Assert.Equal(EffectOutcomeKind.Retry, first.Kind);
        Assert.Equal(TimeSpan.FromSeconds(3), first.RetryAfter);
        Assert.Equal(1, callsAfterFirst);
        Assert.Equal(EffectOutcomeKind.Done, second.Kind);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task PostToChannel_GatewayErrorOnPost_IsNotRetriedBlindly()
    {
        f.Http.On(HttpMethod.Post, ChannelPosts, HttpStatusCode.BadGateway, "");

        var outcome = await f.RunAsync(new PostToChannel("hello"), PlatformFixture.ChannelLinks());

        Assert.Equal(EffectOutcomeKind.Retry, outcome.Kind);
        Assert.Single(Posts(ChannelPosts));
    }

    [Fact]
    public async Task SyncIncidentCard_GatewayErrorOnPut_IsRetriedByTheOutbox()
    {
        var calls = 0;
        f.Http.On(HttpMethod.Put, "/activities/111", _ => Interlocked.Increment(ref calls) == 1
            ? FakeHttp.Json(HttpStatusCode.GatewayTimeout, "")
            : FakeHttp.Json(HttpStatusCode.OK, """{"id":"111"}"""));
        var links = PlatformFixture.ChannelLinks();
        links["teams:activity"] = "111";
        links["teams:cardConversation"] = PlatformFixture.NewChannel + ";messageid=111";

        var first = await f.RunAsync(new SyncIncidentCard(), links);
        var second = await f.RunAsync(new SyncIncidentCard(), links, attempt: 2);

        Assert.Equal(EffectOutcomeKind.Retry, first.Kind);
        Assert.Null(first.RetryAfter); // no Retry-After: the dispatcher's backoff alone decides
        Assert.Equal(EffectOutcomeKind.Done, second.Kind);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task PostToChannel_UntrustedServiceUrl_FailsWithoutSendingTheToken()
    {
        using var evil = new PlatformFixture(new ImtBot.Teams.Activities.TeamReference("https://evil.example/", PlatformFixture.GeneralId, null, null, TeamsTestHost.TenantId, null));

        var outcome = await evil.RunAsync(new PostToChannel("hello"), PlatformFixture.ChannelLinks());

        Assert.Equal(EffectOutcomeKind.Failed, outcome.Kind);
        Assert.Contains("ConnectorAllowedHosts", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(evil.Http.Requests);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net:8443/amer/tenant/")]
    [InlineData("https://smba.trafficmanager.net:80/amer/tenant/")]
    [InlineData("http://smba.trafficmanager.net/amer/tenant/")]
    public async Task PostToChannel_AllowedHostOnAnotherPortOrScheme_FailsWithoutSendingTheToken(string serviceUrl)
    {
        using var other = new PlatformFixture(new ImtBot.Teams.Activities.TeamReference(serviceUrl, PlatformFixture.GeneralId, null, null, TeamsTestHost.TenantId, null));

        var outcome = await other.RunAsync(new PostToChannel("hello"), PlatformFixture.ChannelLinks());

        Assert.Equal(EffectOutcomeKind.Failed, outcome.Kind);
        Assert.Contains("ConnectorAllowedHosts", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(other.Http.Requests);
    }

    [Fact]
    public async Task PostToChannel_AllowedHostWithTheDefaultPortWritten_Sends()
    {
        using var explicitPort = new PlatformFixture(new ImtBot.Teams.Activities.TeamReference("https://smba.trafficmanager.net:443/amer/tenant/", PlatformFixture.GeneralId, null, null, TeamsTestHost.TenantId, null));

        var outcome = await explicitPort.RunAsync(new PostToChannel("hello"), PlatformFixture.ChannelLinks());

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
    }

    [Fact]
    public async Task NotifyUser_SendsADirectMessage()
    {
        var outcome = await f.RunAsync(new NotifyUser(bob, "Reminder: post an update for INC-42"));

        Assert.Equal(EffectOutcomeKind.Done, outcome.Kind);
        Assert.Single(Posts(Base + "v3/conversations/a%3Adm-bob/activities"), r => r.Json["text"]!.GetValue<string>() == "Reminder: post an update for INC-42");
    }

    [Fact]
    public async Task PostReview_PostsTheReviewCard()
    {
        await f.RunAsync(new PostReview(), PlatformFixture.ChannelLinks());

        Assert.Equal("review card", Assert.Single(Posts(ChannelPosts)).Json["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Name_IsTeams() => Assert.Equal("teams", f.Platform.Name);
}
