using System.Net;
using System.Text;

namespace ImtBot.Teams.Tests.Fakes;

/// <summary>The fakes refuse what the real Graph and Bot Connector refuse, whatever route a test set up.</summary>
public sealed class TeamsServiceRulesTests
{
    private const string Channels = "https://graph.test/v1.0/teams/group-1/channels";
    private readonly FakeHttp http = new();

    public TeamsServiceRulesTests()
    {
        http.On(HttpMethod.Post, Channels, HttpStatusCode.Created, """{"id":"19:c@thread.tacv2"}""");
        http.On(HttpMethod.Get, Channels, HttpStatusCode.OK, """{"value":[]}""");
        http.On(HttpMethod.Post, "/v3/conversations/", HttpStatusCode.OK, """{"id":"1"}""");
    }

    [Theory]
    [InlineData("INC-1 calls drop ~ 50")]
    [InlineData("INC-1 a, b")]
    [InlineData("INC-1 wait.. what")]
    [InlineData("_INC-1")]
    [InlineData("INC-1 end.")]
    [InlineData("INC-1 #1 50% & more")]
    [InlineData("INC-1 xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task CreateChannel_NameTeamsRefuses_Is400(string name)
    {
        using var response = await SendAsync(HttpMethod.Post, Channels, $$"""{"displayName":"{{name}}","membershipType":"standard"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CreateChannel_AcceptableName_ReachesTheRoute()
    {
        using var response = await SendAsync(HttpMethod.Post, Channels, """{"displayName":"INC-1 calls drop 50","membershipType":"standard"}""");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Theory]
    [InlineData("POST", Channels, "Channel.Create.Group")]
    [InlineData("GET", Channels + "?$filter=displayName%20eq%20%27x%27", "ChannelSettings.Read.Group")]
    [InlineData("GET", Channels + "/19%3Ac%40thread.tacv2/messages?$top=20", "ChannelMessage.Read.Group")]
    [InlineData("POST", Channels + "/19%3Ac%40thread.tacv2/archive", "ChannelSettings.ReadWrite.All")]
    public async Task GraphCall_WithoutItsPermission_Is403NamingIt(string method, string url, string permission)
    {
        http.Rules.GrantedGraphPermissions.Remove(permission);

        using var response = await SendAsync(new HttpMethod(method), url, method == "POST" ? """{"displayName":"INC-1 x"}""" : null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(permission, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"message","text":"hi"}""")]
    [InlineData("""{"type":"message","text":"hi","conversation":{}}""")]
    public async Task SendActivity_WithoutConversationId_Is400(string activity)
    {
        using var response = await SendAsync(HttpMethod.Post, "https://smba.test/amer/v3/conversations/19%3Ac/activities", activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task SendActivity_WithConversationId_ReachesTheRoute()
    {
        using var response = await SendAsync(HttpMethod.Post, "https://smba.test/amer/v3/conversations/19%3Ac/activities/9", """{"type":"message","conversation":{"id":"19:c"}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string? json)
    {
        using var client = new HttpClient(http.Handler());
        using var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }
}
