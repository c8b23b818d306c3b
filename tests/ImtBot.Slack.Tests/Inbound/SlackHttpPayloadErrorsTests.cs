using System.Net;
using System.Text.Json.Nodes;
using ImtBot.Slack.Tests.Fakes;

namespace ImtBot.Slack.Tests.Inbound;

/// <summary>
/// A payload that does not read as Slack's is a 400 (delivering it again cannot help); a fault of ours after it was
/// read is a 500 logged with the exception, so that Slack delivers it again.
/// </summary>
public sealed class SlackHttpPayloadErrorsTests : IAsyncLifetime
{
    private SlackTestHost host = null!;

    public async Task InitializeAsync() => host = await SlackTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Interactions_BlockActionsWithoutUser_Is400WithTheReasonLogged()
    {
        var payload = SlackPayloads.Button("ack INC-42");
        payload.Remove("user");

        var response = await host.PostSignedAsync("/api/slack/interactions", SlackPayloads.Interaction(payload));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Handler.Received);
        Assert.Contains("does not read as Slack's", host.Logs.All);
        Assert.Contains("block_actions payload", host.Logs.All);
        Assert.Contains("user", host.Logs.All);
    }

    [Fact]
    public async Task Interactions_NoPayloadField_Is400()
    {
        var response = await host.PostSignedAsync("/api/slack/interactions", "token=x&team_id=T111");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no payload field", host.Logs.All);
    }

    [Fact]
    public async Task Commands_FieldTwiceInASignedForm_Is400AndNothingReachesTheHandler()
    {
        var response = await host.PostSignedAsync("/api/slack/commands", SlackPayloads.Command("resolved INC-42", user: "U222") + "&user_id=U111");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Handler.Received);
        Assert.Contains("\"user_id\" 2 times", host.Logs.All);
    }

    [Fact]
    public async Task Interactions_PayloadTwice_Is400()
    {
        var payload = SlackPayloads.Interaction(SlackPayloads.Button("ack INC-42"));

        var response = await host.PostSignedAsync("/api/slack/interactions", payload + "&" + payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Handler.Received);
    }

    [Fact]
    public async Task Events_FieldOfTheWrongType_Is400AndNamesThePath()
    {
        var envelope = SlackPayloads.Event(SlackPayloads.Mention("<@UBOT> status"));
        envelope["event_id"] = 42;

        var response = await host.PostSignedAsync("/api/slack/events", envelope.ToJsonString(), SlackSigning.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Handler.Received);
        Assert.Contains("$.event_id", host.Logs.All);
    }

    [Fact]
    public async Task Events_BodyNotJson_Is400()
    {
        var response = await host.PostSignedAsync("/api/slack/events", "{\"type\":", SlackSigning.Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>Before, an InvalidOperationException from our own code was taken for a malformed payload: 400, never retried.</summary>
    [Fact]
    public async Task Interactions_InvalidOperationInOurCode_Is500SoSlackRetries()
    {
        host.Handler.Reply = (_, _) => throw new InvalidOperationException("a bug of ours");

        var response = await host.PostSignedAsync("/api/slack/interactions", SlackPayloads.Interaction(SlackPayloads.Button("ack INC-42")));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.False(response.Headers.Contains("X-Slack-No-Retry"));
        Assert.Equal("", await response.Content.ReadAsStringAsync());
        Assert.Contains("System.InvalidOperationException: a bug of ours", host.Logs.All); // the exception object, stack and all
    }

    [Theory]
    [InlineData("key")]
    [InlineData("format")]
    public async Task Events_FaultInOurCodeAfterReading_Is500(string kind)
    {
        host.Handler.Reply = (_, _) => kind == "key" ? throw new KeyNotFoundException("lost") : throw new FormatException("lost");

        var response = await host.PostSignedAsync("/api/slack/events", SlackPayloads.Event(SlackPayloads.Mention("<@UBOT> status")).ToJsonString(), SlackSigning.Json);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("answering 500", host.Logs.All);
    }

    [Fact]
    public async Task Commands_MissingIds_AreAnsweredNotRejected()
    {
        var response = await host.PostSignedAsync("/api/slack/commands", "command=%2Fincident&text=status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("missing user_id", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["text"]);
    }
}
