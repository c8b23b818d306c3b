using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using ImtBot.Slack.Hosting;
using ImtBot.Slack.Tests.Fakes;
using ImtBot.Slack.WebApi;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ImtBot.Slack.Tests.WebApi;

/// <summary>
/// The Web API client against the fake: ok:false, 429 + Retry-After, no blind retry of a call that may have applied, rate
/// gates. The client sends each call once; when to try again is the outbox dispatcher's decision (docs/reliability.md §Retries).
/// </summary>
public sealed class SlackApiClientTests
{
    private static JsonObject Hello => new() { ["text"] = "hello" };

    [Fact]
    public async Task Call_OkFalse_ThrowsWithSlackErrorCodeAndNeverRetries()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Fake.Fail("conversations.create", FakeFault.Answer("restricted_action"));

        var e = await Assert.ThrowsAsync<SlackApiException>(() => host.Get<SlackWebApi>().Conversations.CreateAsync("inc-1-x"));

        Assert.Equal("restricted_action", e.Error);
        Assert.Equal("conversations.create", e.Method);
        Assert.Single(host.Fake.CallsTo("conversations.create"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(95)]
    [InlineData(-3600)]
    public async Task ClockOffset_FromTheDateOfSlacksAnswers_WithinASecond(int slackAheadSeconds)
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Fake.ClockAhead = TimeSpan.FromSeconds(slackAheadSeconds);
        var api = host.Get<SlackWebApi>();

        var offset = await api.ClockOffsetAsync(); // nothing answered yet: asks auth.test once
        Assert.Equal(offset, await api.ClockOffsetAsync());

        Assert.NotNull(offset);
        Assert.Single(host.Fake.CallsTo("auth.test"));
        Assert.InRange(TimeSpan.FromSeconds(slackAheadSeconds), offset.Low, offset.High);
        Assert.True(offset.High - offset.Low <= TimeSpan.FromSeconds(1), $"{offset.Low}..{offset.High}");
    }

    [Fact]
    public async Task Call_WrongToken_IsInvalidAuthWithoutTheTokenInTheMessage()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Fake.Revoked = true;

        var e = await Assert.ThrowsAsync<SlackApiException>(() => host.Get<SlackWebApi>().Users.InfoAsync("UALICE"));

        Assert.Equal("token_revoked", e.Error);
        Assert.DoesNotContain("xoxb", e.ToString());
        Assert.Equal("Bearer " + FakeSlack.BotToken, host.Fake.CallsTo("users.info").Single().Authorization);
    }

    [Fact]
    public async Task Call_429WithRetryAfterSeconds_ThrowsRatelimitedWithTheHeaderAndIsNotRetriedInPlace()
    {
        await using var host = await SlackTestHost.StartAsync();
        var channel = host.Fake.AddChannel("inc-1-db");
        host.Fake.Fail("chat.postMessage", FakeFault.RateLimited(TimeSpan.FromSeconds(30)));

        var e = await Assert.ThrowsAsync<SlackApiException>(() => host.Get<SlackWebApi>().Chat.PostMessageAsync(channel.Id, Hello));

        Assert.Equal("ratelimited", e.Error);
        Assert.Equal(TimeSpan.FromSeconds(30), e.RetryAfter);
        Assert.Single(host.Fake.CallsTo("chat.postMessage"));
        Assert.Empty(channel.Messages);
    }

    [Fact]
    public async Task Call_429WithRetryAfterHttpDate_ReportsTheWaitUntilThatDate()
    {
        await using var host = await SlackTestHost.StartAsync();
        host.Fake.Fail("users.info", FakeFault.RateLimitedUntil(host.Clock.GetUtcNow().AddSeconds(20)));

        var e = await Assert.ThrowsAsync<SlackApiException>(() => host.Get<SlackWebApi>().Users.InfoAsync("UALICE"));

        Assert.Equal(TimeSpan.FromSeconds(20), e.RetryAfter);
        Assert.Single(host.Fake.CallsTo("users.info"));
    }

    [Fact]
    public async Task Call_429OnOneChannel_OtherChannelsProceedAndSameChannelWaitsTheRetryAfterOnTheClock()
    {
        await using var host = await SlackTestHost.StartAsync(rateLimits: true);
        var busy = host.Fake.AddChannel("inc-1-busy");
        var other = host.Fake.AddChannel("inc-2-other");
        host.Fake.Fail("chat.postMessage", FakeFault.RateLimited(TimeSpan.FromSeconds(30)));
        var api = host.Get<SlackWebApi>();

        await Assert.ThrowsAsync<SlackApiException>(() => api.Chat.PostMessageAsync(busy.Id, Hello));
        var second = api.Chat.PostMessageAsync(busy.Id, Hello);
        await host.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(30));
        await api.Chat.PostMessageAsync(other.Id, Hello);

        Assert.Single(other.Messages);
        Assert.Single(host.Fake.CallsTo("chat.postMessage"), c => c.Arg("channel") == busy.Id);
        host.Clock.Advance(TimeSpan.FromSeconds(29));
        Assert.False(second.IsCompleted);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await second;
        var calls = host.Fake.CallsTo("chat.postMessage").Where(c => c.Arg("channel") == busy.Id).ToList();
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(30));
        Assert.Single(busy.Messages);
    }

    [Fact]
    public async Task Call_PostMessageTwiceToOneChannel_SecondWaitsOneSecond()
    {
        await using var host = await SlackTestHost.StartAsync(rateLimits: true);
        var channel = host.Fake.AddChannel("inc-1-db");
        var api = host.Get<SlackWebApi>();

        await api.Chat.PostMessageAsync(channel.Id, Hello);
        var second = api.Chat.PostMessageAsync(channel.Id, Hello);
        await host.Clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        Assert.Single(channel.Messages);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        await second;

        var calls = host.Fake.CallsTo("chat.postMessage");
        Assert.Equal(2, channel.Messages.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Call_ResetAfterPostMessageWasSent_IsNotRetriedAndSaysItMayHaveApplied()
    {
        await using var host = await SlackTestHost.StartAsync();
        var channel = host.Fake.AddChannel("inc-1-db");
        host.Fake.Fail("chat.postMessage", FakeFault.AbortAfterApply());

        var e = await Assert.ThrowsAsync<SlackTransportException>(() => host.Get<SlackWebApi>().Chat.PostMessageAsync(channel.Id, Hello));

        Assert.True(e.MayHaveApplied);
        Assert.Single(host.Fake.CallsTo("chat.postMessage"));
        Assert.Single(channel.Messages);
    }

    [Fact]
    public async Task Call_503OnPostMessage_IsNotRetried()
    {
        await using var host = await SlackTestHost.StartAsync();
        var channel = host.Fake.AddChannel("inc-1-db");
        host.Fake.Fail("chat.postMessage", FakeFault.ServiceUnavailable());

        var e = await Assert.ThrowsAsync<SlackTransportException>(() => host.Get<SlackWebApi>().Chat.PostMessageAsync(channel.Id, Hello));

        Assert.True(e.MayHaveApplied);
        Assert.Single(host.Fake.CallsTo("chat.postMessage"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Call_ResetOr503OnARead_FailsOnceAsTransportForTheOutboxToRetry(bool reset)
    {
        await using var host = await SlackTestHost.StartAsync();
        var channel = host.Fake.AddChannel("inc-1-db");
        host.Fake.AddMessage(channel.Id, "UALICE", "hi");
        host.Fake.Fail("conversations.history", reset ? FakeFault.AbortAfterApply() : FakeFault.ServiceUnavailable());

        await Assert.ThrowsAsync<SlackTransportException>(() => host.Get<SlackWebApi>().Conversations.HistoryAsync(channel.Id));

        Assert.Single(host.Fake.CallsTo("conversations.history"));
        Assert.Single(await host.Get<SlackWebApi>().Conversations.HistoryAsync(channel.Id));
    }

    [Fact]
    public async Task Call_NothingListening_FailsAtOnceAsNotApplied()
    {
        var clock = new TestClock();
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var options = Options.Create(new SlackOptions { BotToken = "xoxb-x", ApiBaseUrl = new Uri($"http://127.0.0.1:{port}/api/") });
        var client = new SlackApiClient(new PlainHttpClientFactory(), options, clock, new SlackRateGate(clock), NullLogger<SlackApiClient>.Instance);

        var e = await Assert.ThrowsAsync<SlackTransportException>(() => client.CallAsync(SlackMethods.ChatPostMessage, new JsonObject { ["channel"] = "C1", ["text"] = "hi" }));

        Assert.False(e.MayHaveApplied);
    }

    private sealed class PlainHttpClientFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new();
    }

    [Fact]
    public async Task FormPost_NamesNoCharset_SoSlackHasNothingToWarnAbout()
    {
        await using var host = await SlackTestHost.StartAsync();

        await host.Get<SlackWebApi>().Conversations.CreateAsync("inc-1-charset");

        var call = host.Fake.CallsTo("conversations.create").Single();
        Assert.Equal("application/x-www-form-urlencoded", call.ContentType);
        Assert.DoesNotContain("superfluous_charset", host.Logs.All);
    }

    [Fact]
    public async Task FakeSlack_FormPostWithCharset_AnswersTheSuperfluousCharsetWarning()
    {
        await using var host = await SlackTestHost.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Fake.ApiBaseUrl, "auth.test"))
        {
            Content = new StringContent("", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", FakeSlack.BotToken);

        using var response = await http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("application/x-www-form-urlencoded; charset=utf-8", host.Fake.CallsTo("auth.test").Single().ContentType);
        Assert.True(body["ok"]!.GetValue<bool>());
        Assert.Equal("superfluous_charset", body["warning"]!.GetValue<string>());
    }
}
