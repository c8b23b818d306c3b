using System.Net;
using System.Text;
using ImtBot.Slack.Tests.Fakes;

namespace ImtBot.Slack.Tests.Inbound;

/// <summary>Signature checks, replay window, body size cap and ssl_check over real HTTP on 127.0.0.1.</summary>
public sealed class SlackHttpSecurityTests : IAsyncLifetime
{
    private SlackTestHost host = null!;

    public async Task InitializeAsync() => host = await SlackTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Commands_WrongSecret_Is401AndNothingReachesTheCore()
    {
        var response = await host.PostSignedAsync("/api/slack/commands", SlackPayloads.Command("declare DB down"), secret: "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.Received);
        Assert.Contains("rejected: Mismatch", host.Logs.All);
    }

    [Theory]
    [InlineData("v1=")]
    [InlineData("v0=00")]
    [InlineData("")]
    public async Task Commands_ForgedSignatureHeader_Is401(string signature)
    {
        var response = await host.PostSignedAsync("/api/slack/commands", SlackPayloads.Command("declare DB down"), tweak: r =>
        {
            r.Headers.Remove("X-Slack-Signature");
            r.Headers.Add("X-Slack-Signature", signature + new string('a', signature == "v1=" ? 64 : 0));
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.Received);
    }

    [Theory]
    [InlineData(-360)]
    [InlineData(360)]
    public async Task Events_TimestampSixMinutesOff_Is401(int offsetSeconds)
    {
        var ts = host.Clock.GetUtcNow().ToUnixTimeSeconds() + offsetSeconds;
        var response = await host.PostSignedAsync("/api/slack/events", SlackPayloads.Event(SlackPayloads.Mention("<@UBOT> status")).ToJsonString(), "application/json", timestamp: ts);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.Received);
        Assert.Contains("StaleTimestamp", host.Logs.All);
    }

    [Fact]
    public async Task Commands_ExactReplayWithinFiveMinutes_IsAppliedOnce()
    {
        var body = SlackPayloads.Command("declare DB down", trigger: "555.666.replay");
        var first = await host.PostSignedAsync("/api/slack/commands", body);
        host.Clock.Advance(TimeSpan.FromMinutes(4));
        var replay = await host.PostSignedAsync("/api/slack/commands", body, timestamp: host.Clock.GetUtcNow().AddMinutes(-4).ToUnixTimeSeconds());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(2, host.Handler.Received.Count);
        Assert.Single(host.Handler.Applied);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await replay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Commands_BodyReserialisedAfterSigning_Is401()
    {
        var signed = SlackPayloads.Command("declare DB down");
        var ts = host.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = ImtBot.Slack.Security.SlackSignatureVerifier.Sign(SlackTestHost.SigningSecret, ts, Encoding.UTF8.GetBytes(signed));
        var reordered = string.Join('&', signed.Split('&').Reverse());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/slack/commands") { Content = new StringContent(reordered, Encoding.UTF8, "application/x-www-form-urlencoded") };
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", signature);

        var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Handler.Received);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Events_BodyOverOneMegabyte_Is413BeforeVerifying(bool withLength)
    {
        var big = "{\"type\":\"event_callback\",\"pad\":\"" + new string('x', 1024 * 1024) + "\"}";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/slack/events");
        request.Content = withLength ? new StringContent(big, Encoding.UTF8, "application/json") : new PushContent(Encoding.UTF8.GetBytes(big));
        request.Headers.Add("X-Slack-Request-Timestamp", "1");
        request.Headers.Add("X-Slack-Signature", "v0=" + new string('0', 64));

        var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Handler.Received);
        Assert.DoesNotContain("StaleTimestamp", host.Logs.All);
    }

    [Fact]
    public async Task Commands_SslCheck_Is200EmptyAndUsesNoField()
    {
        var response = await host.Http.PostAsync("/api/slack/commands", new StringContent("ssl_check=1&token=x&text=declare+evil", Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Handler.Received);
    }

    [Fact]
    public async Task Rejections_NeverLogTheSecretOrTokens()
    {
        await host.PostSignedAsync("/api/slack/commands", SlackPayloads.Command("declare x"), secret: "wrong");
        await host.PostSignedAsync("/api/slack/commands", SlackPayloads.Command("declare x"));

        Assert.DoesNotContain(SlackTestHost.SigningSecret, host.Logs.All);
        Assert.DoesNotContain(FakeSlack.BotToken, host.Logs.All);
        Assert.DoesNotContain("Bearer", host.Logs.All);
    }

    /// <summary>A body sent chunked, without Content-Length.</summary>
    private sealed class PushContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
