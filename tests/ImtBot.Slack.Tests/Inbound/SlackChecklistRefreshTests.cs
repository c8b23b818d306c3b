using System.Net;
using System.Text;
using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;
using ImtBot.Slack.Inbound;
using ImtBot.Slack.Tests.Fakes;

namespace ImtBot.Slack.Tests.Inbound;

/// <summary>
/// A "Done" click on the ephemeral checklist replaces it through the click's response_url, and only ever posts to a
/// response_url on Slack's hooks host (or the configured fake): a forged one is refused unsent.
/// </summary>
public sealed class SlackChecklistRefreshTests : IAsyncLifetime
{
    private SlackTestHost host = null!;

    public async Task InitializeAsync()
    {
        host = await SlackTestHost.StartAsync(reader: new OneIncident(TestIncidents.Declared(7)));
        host.Handler.Reply = (chat, _) => new CommandReply(true, "Task 3 done: " + chat.Text, 7);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task ChecklistDone_ReplacesTheChecklistThroughTheResponseUrl_AndStillAnswers()
    {
        var url = host.Fake.NewResponseUrl();

        var response = await host.PostSignedAsync("/api/slack/interactions", SlackPayloads.Interaction(SlackPayloads.ChecklistDone("task INC-7 done 3", 3, url)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("task INC-7 done 3", Assert.Single(host.Handler.Received).Chat.Text);
        var posted = Assert.Single(await host.Fake.WaitForResponsesAsync());
        Assert.True(posted.Accepted, posted.Answer);
        Assert.Equal(url, posted.Url.AbsoluteUri);
        Assert.True((bool?)posted.Body!["replace_original"]);
        Assert.Equal("checklist INC-7", (string?)posted.Body["text"]);
        Assert.Equal("checklist INC-7", (string?)posted.Body["blocks"]![0]!["text"]!["text"]);
        var ephemeral = (await host.Fake.WaitForCallsAsync("chat.postEphemeral")).Single();
        Assert.Equal("Task 3 done: task INC-7 done 3", ephemeral.Arg("text"));
    }

    [Fact]
    public async Task ChecklistDone_Redelivered_DoesNotPostAgain()
    {
        var payload = SlackPayloads.Interaction(SlackPayloads.ChecklistDone("task INC-7 done 3", 3, host.Fake.NewResponseUrl()));

        await host.PostSignedAsync("/api/slack/interactions", payload);
        await host.PostSignedAsync("/api/slack/interactions", payload, tweak: r => r.Headers.Add("X-Slack-Retry-Num", "1"));
        await host.FollowUps.WhenAllAsync();

        Assert.Single(host.Fake.Responses);
    }

    [Fact]
    public async Task OtherButtons_LeaveTheirMessageAlone()
    {
        var click = SlackPayloads.Button("ack INC-7");
        click["response_url"] = host.Fake.NewResponseUrl();

        await host.PostSignedAsync("/api/slack/interactions", SlackPayloads.Interaction(click));
        await host.FollowUps.WhenAllAsync();

        Assert.Single(await host.Fake.WaitForCallsAsync("chat.postEphemeral"));
        Assert.Empty(host.Fake.Responses);
    }

    [Fact]
    public async Task ForgedResponseUrl_OnAnotherServer_IsNeverPosted()
    {
        // Another server on the same machine, as Slack's fake: everything but the port is right.
        await using var elsewhere = await FakeSlack.StartAsync(host.Clock);
        var forged = elsewhere.NewResponseUrl();

        await host.PostSignedAsync("/api/slack/interactions", SlackPayloads.Interaction(SlackPayloads.ChecklistDone("task INC-7 done 3", 3, forged)));
        await host.FollowUps.WhenAllAsync();

        Assert.Empty(elsewhere.Responses);
        Assert.Empty(host.Fake.Responses);
        Assert.Contains("Slack response_url refused, not Slack's: " + elsewhere.BaseUrl.GetLeftPart(UriPartial.Authority), host.Logs.All, StringComparison.Ordinal);
        Assert.Single(host.Handler.Applied); // the click itself still counts
    }

    [Fact]
    public async Task UnknownResponseUrl_IsRefusedBySlack_AndLogged()
    {
        var unknown = new Uri(host.Fake.BaseUrl, "actions/T111/999/not-handed-out").AbsoluteUri;

        await host.PostSignedAsync("/api/slack/interactions", SlackPayloads.Interaction(SlackPayloads.ChecklistDone("task INC-7 done 3", 3, unknown)));
        await host.FollowUps.WhenAllAsync();

        var refused = Assert.Single(host.Fake.Responses);
        Assert.False(refused.Accepted);
        Assert.Contains("Slack response_url answered HTTP 404: {\"ok\":false,\"error\":\"expired_url\"}", host.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FakeResponseUrl_WorksFiveTimesWithin30Minutes_AsSlacks()
    {
        using var http = new HttpClient();
        var url = host.Fake.NewResponseUrl();
        var other = host.Fake.NewResponseUrl();

        for (var i = 0; i < FakeSlack.ResponseUrlUses; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await PostAsync(http, url, "{\"text\":\"hi\"}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(http, url, "{\"text\":\"hi\"}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(http, other, "text=hi", "application/x-www-form-urlencoded")).StatusCode);
        host.Clock.Advance(FakeSlack.ResponseUrlLifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(http, other, "{\"text\":\"hi\"}")).StatusCode);
        Assert.Equal(["used_url", "invalid_payload", "expired_url"], host.Fake.Responses.Where(r => !r.Accepted).Select(r => (string)System.Text.Json.Nodes.JsonNode.Parse(r.Answer)!["error"]!));
    }

    [Theory]
    [InlineData("https://hooks.slack.com/actions/T111/1/abc", true)]
    [InlineData("https://HOOKS.slack.com/commands/T111/1/abc", true)]
    [InlineData("http://hooks.slack.com/actions/T111/1/abc", false)] // Slack's hooks are https only
    [InlineData("https://hooks.slack.com:8443/actions/T111/1/abc", false)]
    [InlineData("https://hooks.slack.com.evil.example/actions/T111/1/abc", false)]
    [InlineData("https://evil.example/actions/T111/1/abc?hooks.slack.com", false)]
    [InlineData("https://hooks.slack.com@evil.example/actions/T111/1/abc", false)]
    [InlineData("https://user@hooks.slack.com/actions/T111/1/abc", false)]
    [InlineData("http://127.0.0.1:5555/actions/T111/1/abc", true)] // the configured base URL's host and port (a test's fake)
    [InlineData("http://127.0.0.1:5556/actions/T111/1/abc", false)]
    [InlineData("https://127.0.0.1:5555/actions/T111/1/abc", false)]
    [InlineData("/actions/T111/1/abc", false)]
    [InlineData("", false)]
    public void OnlySlacksHooksHostOrTheConfiguredBaseUrl_IsTrusted(string url, bool trusted)
    {
        Assert.Equal(trusted, SlackResponseUrl.IsSlacks(url, new Uri("http://127.0.0.1:5555/api/"), out _));
    }

    [Fact]
    public void TheDefaultBaseUrl_TrustsOnlyHttpsHosts()
    {
        var slack = new Uri("https://slack.com/api/");
        Assert.True(SlackResponseUrl.IsSlacks("https://hooks.slack.com/actions/T1/2/x", slack, out _));
        Assert.False(SlackResponseUrl.IsSlacks("http://slack.com/actions/T1/2/x", slack, out _));
        Assert.False(SlackResponseUrl.IsSlacks("https://127.0.0.1/actions/T1/2/x", slack, out _));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, string url, string body, string type = "application/json") =>
        http.PostAsync(new Uri(url), new StringContent(body, Encoding.UTF8, type));

    private sealed class OneIncident(Incident incident) : IIncidentReader
    {
        public Incident? Get(int number) => number == incident.Number ? incident : null;
    }
}
