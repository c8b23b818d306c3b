using System.Net;
using System.Text;
using ImtBot.Core.Commands;
using ImtBot.Teams.Auth;
using ImtBot.Teams.Tests.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Moq;

namespace ImtBot.Teams.Tests.Auth;

/// <summary>docs/protocols.md §Teams inbound: every bad token is refused before anything is processed.</summary>
public sealed class MessagesAuthenticationTests : IAsyncLifetime
{
    private readonly TeamsTestHost host = new();
    private readonly string message = Payloads.Read("channel-message-mention.json");

    public Task InitializeAsync() => host.StartAsync();

    public Task DisposeAsync() => host.DisposeAsync().AsTask();

    private DateTimeOffset Now => host.Time.GetUtcNow();

    private async Task AssertRejectedAsync(string? authorization, HttpStatusCode expected, string? body = null)
    {
        var response = await host.PostAsync(body ?? message, authorization);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        host.Commands.Verify(c => c.HandleAsync(It.IsAny<ChatCommand>(), It.IsAny<CancellationToken>()), Times.Never);
        host.Store.Verify(s => s.SetSettingAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Post_ValidToken_ReachesTheHandler()
    {
        var response = await host.PostAsync(message, "Bearer " + host.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        host.Commands.Verify(c => c.HandleAsync(It.IsAny<ChatCommand>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public Task Post_NoAuthorizationHeader_Is401() => AssertRejectedAsync(null, HttpStatusCode.Unauthorized);

    [Fact]
    public Task Post_WrongAudience_Is401() =>
        AssertRejectedAsync("Bearer " + host.Issuer.Token(Now, "99999999-2222-3333-4444-555555555555", TeamsTestHost.ServiceUrl), HttpStatusCode.Unauthorized);

    [Fact]
    public Task Post_WrongIssuer_Is401() =>
        AssertRejectedAsync("Bearer " + host.Issuer.Token(Now, TeamsTestHost.AppId, TeamsTestHost.ServiceUrl, issuer: "https://api.botframework.com/"), HttpStatusCode.Unauthorized);

    [Fact]
    public Task Post_EmulatorIssuer_Is401() =>
        AssertRejectedAsync("Bearer " + host.Issuer.Token(Now, TeamsTestHost.AppId, TeamsTestHost.ServiceUrl, issuer: "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/"), HttpStatusCode.Unauthorized);

    [Fact]
    public Task Post_ExpiredBeyondSkew_Is401() =>
        AssertRejectedAsync("Bearer " + host.Issuer.Token(Now, TeamsTestHost.AppId, TeamsTestHost.ServiceUrl, expiresIn: TimeSpan.FromMinutes(-6)), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task Post_ExpiredWithinSkew_IsAccepted()
    {
        var token = host.Issuer.Token(Now, TeamsTestHost.AppId, TeamsTestHost.ServiceUrl, expiresIn: TimeSpan.FromMinutes(-4));

        var response = await host.PostAsync(message, "Bearer " + token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_TokenValidOnlyOnTheRealClock_FollowsTheInjectedClock()
    {
        var token = host.ValidToken();
        host.Time.Advance(TimeSpan.FromHours(2));

        await AssertRejectedAsync("Bearer " + token, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_SameTokenAfterItExpired_Is401EvenThoughItWasAcceptedBefore()
    {
        var token = host.ValidToken();
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(message, "Bearer " + token)).StatusCode);
        host.Commands.Invocations.Clear();
        host.Store.Invocations.Clear();
        host.Time.Advance(TimeSpan.FromMinutes(66));

        await AssertRejectedAsync("Bearer " + token, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Post_SameTokenWithAnotherServiceUrl_IsStill401()
    {
        var token = host.ValidToken();
        Assert.Equal(HttpStatusCode.OK, (await host.PostAsync(message, "Bearer " + token)).StatusCode);
        host.Commands.Invocations.Clear();
        host.Store.Invocations.Clear();

        await AssertRejectedAsync("Bearer " + token, HttpStatusCode.Unauthorized, message.Replace("\"serviceUrl\": \"https://smba.trafficmanager.net/amer/", "\"serviceUrl\": \"https://smba.trafficmanager.net/emea/", StringComparison.Ordinal));
    }

    [Fact]
    public Task Post_AlgNone_Is401() =>
        AssertRejectedAsync("Bearer " + BotFrameworkIssuer.UnsignedToken(Now, TeamsTestHost.AppId, TeamsTestHost.ServiceUrl), HttpStatusCode.Unauthorized);

    [Fact]
    public Task Post_Hs256WithThePublicKeyAsSecret_Is401() =>
        AssertRejectedAsync("Bearer " + host.Issuer.SymmetricToken(Now, TeamsTestHost.AppId, TeamsTestHost.ServiceUrl), HttpStatusCode.Unauthorized);

    [Fact]
    public Task Post_Rs384_Is401() =>
        AssertRejectedAsync("Bearer " + host.Issuer.Token(Now, TeamsTestHost.AppId, TeamsTestHost.ServiceUrl, algorithm: SecurityAlgorithms.RsaSha384), HttpStatusCode.Unauthorized);

    [Fact]
    public async Task Post_UnknownKid_Is401AndRefetchesKeysOnlyOncePerFiveMinutes()
    {
        var stranger = BotFrameworkIssuer.NewKey("key-unknown");
        var token = host.Issuer.Token(Now, TeamsTestHost.AppId, TeamsTestHost.ServiceUrl, key: stranger);

        await AssertRejectedAsync("Bearer " + token, HttpStatusCode.Unauthorized);
        await AssertRejectedAsync("Bearer " + token, HttpStatusCode.Unauthorized);

        Assert.Equal(2, host.Http.Count(HttpMethod.Get, BotFrameworkIssuer.JwksUrl)); // first load + one forced refresh
    }

    [Fact]
    public async Task Post_KeyRotated_IsAcceptedAfterRefreshOnUnknownKid()
    {
        await host.PostAsync(message, "Bearer " + host.ValidToken()); // loads the key set
        var rotated = BotFrameworkIssuer.NewKey("key-2");
        host.Issuer.Publish(rotated, "msteams");

        var response = await host.PostAsync(message, "Bearer " + host.Issuer.Token(Now, TeamsTestHost.AppId, TeamsTestHost.ServiceUrl, key: rotated));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, host.Http.Count(HttpMethod.Get, BotFrameworkIssuer.JwksUrl));
    }

    [Fact]
    public async Task Post_KeyWithoutEndorsementForTheChannel_Is403()
    {
        var key = BotFrameworkIssuer.NewKey("key-webchat");
        host.Issuer.Publish(key, "webchat");

        await AssertRejectedAsync("Bearer " + host.Issuer.Token(Now, TeamsTestHost.AppId, TeamsTestHost.ServiceUrl, key: key), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Post_KeyWithNoEndorsementsAtAll_Is403()
    {
        var key = BotFrameworkIssuer.NewKey("key-bare");
        host.Issuer.Publish(key);

        await AssertRejectedAsync("Bearer " + host.Issuer.Token(Now, TeamsTestHost.AppId, TeamsTestHost.ServiceUrl, key: key), HttpStatusCode.Forbidden);
    }

    [Fact]
    public Task Post_ServiceUrlClaimMismatch_Is401() =>
        AssertRejectedAsync("Bearer " + host.ValidToken("https://smba.trafficmanager.net/emea/"), HttpStatusCode.Unauthorized);

    [Fact]
    public Task Post_NoServiceUrlClaim_Is401() =>
        AssertRejectedAsync("Bearer " + host.Issuer.Token(Now, TeamsTestHost.AppId, serviceUrl: null), HttpStatusCode.Unauthorized);

    [Theory]
    [InlineData("bearer ")]
    [InlineData("Basic ")]
    [InlineData("Bearer  ")]
    [InlineData("")]
    public Task Post_WrongScheme_Is401(string prefix) => AssertRejectedAsync(prefix + host.ValidToken(), HttpStatusCode.Unauthorized);

    [Fact]
    public Task Post_TenantNotAllowed_Is403() =>
        AssertRejectedAsync("Bearer " + host.ValidToken(), HttpStatusCode.Forbidden, message.Replace("50612dbb-0237-4969-b378-8d42590f9c00", "00000000-dead-beef-0000-000000000000", StringComparison.Ordinal)
            .Replace("https://smba.trafficmanager.net/amer/00000000-dead-beef-0000-000000000000/", TeamsTestHost.ServiceUrl, StringComparison.Ordinal));

    [Fact]
    public async Task Post_BodyOverTheLimit_Is413()
    {
        var big = Encoding.UTF8.GetBytes(message.Replace("reply to thread", new string('x', 1_100_000), StringComparison.Ordinal));

        var response = await host.PostRawAsync(big, "Bearer " + host.ValidToken());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        host.Commands.Verify(c => c.HandleAsync(It.IsAny<ChatCommand>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public Task Post_MalformedJsonWithAValidToken_Is400() =>
        AssertRejectedAsync("Bearer " + host.ValidToken(), HttpStatusCode.BadRequest, "{\"type\":\"message\",");

    [Fact]
    public Task Post_NoActivityType_Is400() =>
        AssertRejectedAsync("Bearer " + host.ValidToken(), HttpStatusCode.BadRequest, message.Replace("\"type\": \"message\",", "", StringComparison.Ordinal));

    [Fact]
    public async Task Get_ApiMessages_Is405()
    {
        var response = await host.Client.GetAsync("/api/messages");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Post_Rejected_LogsNeitherTheTokenNorTheSecret()
    {
        var token = host.Issuer.Token(Now, "99999999-2222-3333-4444-555555555555", TeamsTestHost.ServiceUrl);
        await host.PostAsync(message, "Bearer " + token);
        await host.PostAsync(message, "Bearer " + host.ValidToken());
        await host.Http.WaitForAsync(r => r.Url.Contains("/activities/", StringComparison.Ordinal));

        Assert.Contains(host.Logs.Lines, l => l.Contains("rejected", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(token, StringComparison.Ordinal) || l.Contains(TeamsTestHost.AppPassword, StringComparison.Ordinal) || l.Contains(TeamsTestHost.BotToken, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_MetadataDown_Is401AndTheEndpointIsNotHammered()
    {
        host.Http.On(HttpMethod.Get, BotFrameworkIssuer.MetadataUrl, HttpStatusCode.ServiceUnavailable, "{}");

        await AssertRejectedAsync("Bearer " + host.ValidToken(), HttpStatusCode.Unauthorized);
        await AssertRejectedAsync("Bearer " + host.ValidToken(), HttpStatusCode.Unauthorized);
        var calls = host.Http.Count(HttpMethod.Get, BotFrameworkIssuer.MetadataUrl);
        host.Http.On(HttpMethod.Get, BotFrameworkIssuer.MetadataUrl, HttpStatusCode.OK, $$"""{"jwks_uri":"{{BotFrameworkIssuer.JwksUrl}}"}""");
        host.Time.Advance(TimeSpan.FromSeconds(31));
        var response = await host.PostAsync(message, "Bearer " + host.ValidToken());

        Assert.Equal(2, calls); // the first request (scheduled refresh + forced refresh), then none for 30 s
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_TwoValidRequests_FetchTheKeysOnce()
    {
        await host.PostAsync(message, "Bearer " + host.ValidToken());
        await host.PostAsync(message.Replace("1759944781430", "1759944781431", StringComparison.Ordinal), "Bearer " + host.ValidToken());

        Assert.Equal(1, host.Services.GetRequiredService<SigningKeySource>().FetchCount);
        Assert.Equal(1, host.Http.Count(HttpMethod.Get, BotFrameworkIssuer.JwksUrl));
    }
}
