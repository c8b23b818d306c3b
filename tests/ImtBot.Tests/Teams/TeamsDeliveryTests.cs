using System.Net;
using ImtBot.Teams.Testing;

namespace ImtBot.Tests.Teams;

/// <summary><c>/api/messages</c> on the real host: a forged request changes nothing; a redelivered activity is applied once.</summary>
public sealed class TeamsDeliveryTests
{
    [Fact]
    public async Task Declare_TokenForAnotherAudience_401AndNothingStored()
    {
        await using var teams = await TeamsHarness.StartAsync();
        var declare = TeamsHarness.Message(TeamsUser.Alice, TeamsHarness.General, "1001", "declare Checkout failing sev1");
        var token = teams.Issuer.Token(teams.Host.Clock.GetUtcNow(), "99999999-8888-7777-6666-555555555555", TeamsHarness.ServiceUrl);

        var response = await teams.PostAsync(declare, token);
        await teams.Host.DrainOutboxAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        Assert.Empty(await teams.Host.GetArrayAsync("/api/incidents"));
        Assert.DoesNotContain(teams.Http.Requests, r => r.RawUrl.StartsWith(TeamsHarness.ServiceUrl, StringComparison.Ordinal) || r.RawUrl.StartsWith(TeamsHarness.GraphBaseUrl, StringComparison.Ordinal));

        // The same activity with a token for our App ID goes through: it was the audience, not the activity.
        Assert.Equal(HttpStatusCode.OK, (await teams.PostAsync(declare)).StatusCode);
        Assert.Single(await teams.Host.GetArrayAsync("/api/incidents"));
    }

    // The bot's reply goes out after the answer; a host disposed while it is still in flight makes Polly wait for it
    // on the host's clock, the fake one here. The test host must still dispose (it hung about 1 run in 15 before).
    [Fact]
    public async Task Dispose_ReplyStillInFlight_HostStillDisposes()
    {
        var teams = await TeamsHarness.StartAsync();
        using var held = new ManualResetEventSlim();
        teams.Http.On(HttpMethod.Post, "/activities/2001", _ =>
        {
            held.Wait(TimeSpan.FromMinutes(2));
            return FakeHttp.Json(HttpStatusCode.OK, """{"id":"reply-2001"}""");
        });
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await teams.PostAsync(TeamsHarness.Message(TeamsUser.Alice, TeamsHarness.General, "2001", "declare Held reply sev2"))).StatusCode);
            await teams.Http.WaitForAsync(r => r.Method == HttpMethod.Post && r.Url.Contains("/activities/2001", StringComparison.Ordinal));

            // A guard, not a measurement: without moving the clock this never ends.
            await teams.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(1));
        }
        finally
        {
            held.Set();
        }
    }

    [Fact]
    public async Task Declare_SameActivityDeliveredTwice_AppliedOnceAndAnsweredOnce()
    {
        await using var teams = await TeamsHarness.StartAsync();
        var replies = ReplyTracker.Attach(teams.Host.Services);
        Assert.Equal(HttpStatusCode.OK, (await teams.PostAsync(TeamsHarness.BotAdded())).StatusCode);
        var declare = TeamsHarness.Message(TeamsUser.Alice, TeamsHarness.General, "1001", "declare Checkout failing sev1");

        var first = await teams.PostAsync(declare);
        var second = await teams.PostAsync(declare.DeepClone().AsObject());
        await replies.WhenAllAsync();
        await teams.Host.DrainOutboxAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Single(await teams.Host.GetArrayAsync("/api/incidents"));
        var audit = await teams.Host.GetJsonAsync("/api/incidents/1/audit");
        Assert.True((bool)audit["valid"]!);
        Assert.Equal(2, (int)audit["events"]!); // declared + participant joined, once
        Assert.Single(teams.Requests(HttpMethod.Post, TeamsHarness.GraphBaseUrl + $"teams/{TeamsHarness.GroupId}/channels"));
        Assert.Single(teams.Requests(HttpMethod.Post, TeamsHarness.Connector("v3/conversations")), r => r.Json["isGroup"]!.GetValue<bool>());
        Assert.Single(teams.Requests(HttpMethod.Post, TeamsHarness.Connector("v3/conversations", TeamsHarness.General, "activities")));
        Assert.Single(teams.Requests(HttpMethod.Post, TeamsHarness.Connector("v3/conversations", TeamsHarness.General + ";messageid=1001", "activities", "1001")));
    }
}
