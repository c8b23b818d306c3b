using System.Net;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace ImtBot.Teams.Tests.Fakes;

/// <summary>The fakes enforce Teams' documented limits (rates, channels per team) and group chat rules, whatever route a test set up.</summary>
public sealed class TeamsServiceLimitsTests
{
    private const string Channels = "https://graph.test/v1.0/teams/group-1/channels";
    private const string Activities = "https://smba.test/amer/v3/conversations/19%3Ac%40thread.tacv2/activities";
    private const string Chats = "https://graph.microsoft.com/v1.0/chats";
    private readonly FakeHttp http = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public TeamsServiceLimitsTests()
    {
        http.Rules.Time = time;
        var n = 0;
        http.On(HttpMethod.Post, Channels, _ => FakeHttp.Json(HttpStatusCode.Created, $$"""{"id":"19:c{{Interlocked.Increment(ref n)}}@thread.tacv2"}"""));
        http.On(HttpMethod.Post, "/v3/conversations/", HttpStatusCode.OK, """{"id":"1"}""");
        http.On(HttpMethod.Put, "/v3/conversations/", HttpStatusCode.OK, """{"id":"1"}""");
        http.On(HttpMethod.Post, Chats, HttpStatusCode.Created, """{"id":"19:chat@thread.v2","chatType":"group"}""");
        http.On(HttpMethod.Post, "/installedApps", HttpStatusCode.Created, "{}");
    }

    [Fact]
    public async Task SendActivity_EighthInOneSecond_Is429AndTheNextSecondIsAccepted()
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add(await StatusAsync(HttpMethod.Post, Activities, """{"type":"message","conversation":{"id":"19:c@thread.tacv2"}}"""));
        }

        time.Advance(TimeSpan.FromSeconds(1));
        var later = await StatusAsync(HttpMethod.Post, Activities, """{"type":"message","conversation":{"id":"19:c@thread.tacv2"}}""");

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 7), HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.OK, later);
    }

    [Fact]
    public async Task SendActivity_SixtyFirstInThirtySeconds_Is429()
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 61; i++)
        {
            answers.Add(await StatusAsync(HttpMethod.Put, Activities + "/1", """{"type":"message","conversation":{"id":"19:c@thread.tacv2"}}"""));
            time.Advance(TimeSpan.FromMilliseconds(300)); // 3.3 a second: under the per-second limits, over 60 per 30 s
        }

        Assert.Equal(60, answers.Count(a => a == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
    }

    [Fact]
    public async Task Connector_ThirtyFirstRequestForOneTenantInOneSecond_Is429_WhateverItsConversation()
    {
        // The tenant's id is in its service URL; 29 sends into 29 conversations and a member read fill its second.
        const string tenant = "https://smba.test/amer/50612dbb-0237-4969-b378-8d42590f9c00/v3/conversations/";
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 29; i++)
        {
            answers.Add(await StatusAsync(HttpMethod.Post, tenant + $"19%3Ac{i}%40thread.tacv2/activities", $$$"""{"type":"message","conversation":{"id":"19:c{{{i}}}@thread.tacv2"}}"""));
        }

        http.On(HttpMethod.Get, "/members/", HttpStatusCode.OK, """{"id":"29:bob"}""");
        answers.Add(await StatusAsync(HttpMethod.Get, tenant + "19%3Ageneral%40thread.tacv2/members/aad-bob", ""));
        var thirtyFirst = await StatusAsync(HttpMethod.Post, tenant + "19%3Anew%40thread.tacv2/activities", """{"type":"message","conversation":{"id":"19:new@thread.tacv2"}}""");
        var otherTenant = await StatusAsync(HttpMethod.Post, Activities, """{"type":"message","conversation":{"id":"19:c@thread.tacv2"}}""");
        time.Advance(TimeSpan.FromSeconds(1));
        var nextSecond = await StatusAsync(HttpMethod.Post, tenant + "19%3Anew%40thread.tacv2/activities", """{"type":"message","conversation":{"id":"19:new@thread.tacv2"}}""");

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
        Assert.Equal(HttpStatusCode.TooManyRequests, thirtyFirst);
        Assert.Equal(HttpStatusCode.OK, otherTenant);
        Assert.Equal(HttpStatusCode.OK, nextSecond);
    }

    [Fact]
    public async Task Graph_FifthRequestForOneTeamInOneSecond_Is429()
    {
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await StatusAsync(HttpMethod.Post, Channels, $$"""{"displayName":"INC-{{i}} x"}"""));
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Created, 4), HttpStatusCode.TooManyRequests], answers);
    }

    [Fact]
    public async Task CreateChannel_TeamAtTheLimit_Is400AndADeletedChannelCountsFor30Days()
    {
        http.Rules.SeedChannels("group-1", TeamsServiceRules.ChannelsPerTeam - 1);
        Assert.Equal(HttpStatusCode.Created, await StatusAsync(HttpMethod.Post, Channels, """{"displayName":"INC-1 x"}"""));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(HttpMethod.Post, Channels, """{"displayName":"INC-2 x"}"""));

        Assert.True(http.Rules.DeleteChannel("group-1", "19:c1@thread.tacv2"));
        time.Advance(TimeSpan.FromDays(29));
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(HttpMethod.Post, Channels, """{"displayName":"INC-3 x"}"""));
        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.Created, await StatusAsync(HttpMethod.Post, Channels, """{"displayName":"INC-4 x"}"""));
        Assert.Equal(TeamsServiceRules.ChannelsPerTeam, http.Rules.ChannelCount("group-1"));
    }

    [Theory]
    [InlineData("""{"chatType":"channel","members":[]}""")]
    [InlineData("""{"chatType":"group","members":[{"@odata.type":"#microsoft.graph.aadUserConversationMember","roles":["owner"],"user@odata.bind":"https://graph.microsoft.com/v1.0/users('a')"}]}""")]
    [InlineData("""{"chatType":"group","members":[{"roles":["owner"],"user@odata.bind":"https://graph.microsoft.com/v1.0/users('a')"},{"@odata.type":"#microsoft.graph.aadUserConversationMember","roles":["owner"],"user@odata.bind":"https://graph.microsoft.com/v1.0/users('b')"}]}""")]
    [InlineData("""{"chatType":"group","members":[{"@odata.type":"#microsoft.graph.aadUserConversationMember","roles":["member"],"user@odata.bind":"https://graph.microsoft.com/v1.0/users('a')"},{"@odata.type":"#microsoft.graph.aadUserConversationMember","roles":["owner"],"user@odata.bind":"https://graph.microsoft.com/v1.0/users('b')"}]}""")]
    [InlineData("""{"chatType":"oneOnOne","topic":"x","members":[{"@odata.type":"#microsoft.graph.aadUserConversationMember","roles":["owner"],"user@odata.bind":"https://graph.microsoft.com/v1.0/users('a')"},{"@odata.type":"#microsoft.graph.aadUserConversationMember","roles":["owner"],"user@odata.bind":"https://graph.microsoft.com/v1.0/users('b')"}]}""")]
    public async Task CreateChat_PayloadGraphRefuses_Is400(string body)
    {
        Assert.Equal(HttpStatusCode.BadRequest, await StatusAsync(HttpMethod.Post, Chats, body));
    }

    [Fact]
    public async Task CreateChat_WithoutChatCreate_Is403()
    {
        http.Rules.GrantedGraphPermissions.Remove(TeamsServiceRules.ChatCreate);

        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(HttpMethod.Post, Chats, GroupOfTwo));
    }

    [Fact]
    public async Task SendToAGroupChat_BeforeTheAppIsInstalledInIt_Is403_AfterwardsAccepted()
    {
        Assert.Equal(HttpStatusCode.Created, await StatusAsync(HttpMethod.Post, Chats, GroupOfTwo));
        const string chatPosts = "https://smba.test/amer/v3/conversations/19%3Achat%40thread.v2/activities";
        const string activity = """{"type":"message","conversation":{"id":"19:chat@thread.v2"}}""";

        var before = await StatusAsync(HttpMethod.Post, chatPosts, activity);
        var install = await StatusAsync(HttpMethod.Post, Chats + "/19%3Achat%40thread.v2/installedApps", """{"teamsApp@odata.bind":"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/app-1"}""");
        var after = await StatusAsync(HttpMethod.Post, chatPosts, activity);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Created, HttpStatusCode.OK], [before, install, after]);
    }

    private const string GroupOfTwo = """{"chatType":"group","topic":"INC-1","members":[{"@odata.type":"#microsoft.graph.aadUserConversationMember","roles":["owner"],"user@odata.bind":"https://graph.microsoft.com/v1.0/users('a')"},{"@odata.type":"#microsoft.graph.aadUserConversationMember","roles":["owner"],"user@odata.bind":"https://graph.microsoft.com/v1.0/users('b')"}]}""";

    private async Task<HttpStatusCode> StatusAsync(HttpMethod method, string url, string json)
    {
        using var client = new HttpClient(http.Handler());
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
