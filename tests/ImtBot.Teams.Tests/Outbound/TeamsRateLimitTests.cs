using System.Net;
using ImtBot.Core.Effects;
using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;
using ImtBot.Teams.Connector;
using ImtBot.Teams.Tests.TestKit;
using Moq;

namespace ImtBot.Teams.Tests.Outbound;

/// <summary>The outgoing limiters keep bursts under Teams' documented limits, which the fake enforces with 429s, and drop nothing.</summary>
public sealed class TeamsRateLimitTests : IDisposable
{
    private readonly PlatformFixture f = new();

    public void Dispose() => f.Dispose();

    [Fact]
    public async Task CardUpdates_BurstOf200IntoOneConversation_NeverExceedTheLimitsAndAllArrive()
    {
        var renders = 0;
        f.Cards.Setup(c => c.Incident(It.IsAny<string>(), It.IsAny<Incident>(), It.IsAny<string?>()))
            .Returns(() => PlatformFixture.Card("incident card " + Interlocked.Increment(ref renders)));
        var links = PlatformFixture.ChannelLinks();
        links["teams:activity"] = "111";
        links["teams:cardConversation"] = PlatformFixture.NewChannel + ";messageid=111";

        var burst = Enumerable.Range(0, 200).Select(_ => Task.Run(() => f.RunAsync(new SyncIncidentCard(), new(links)))).ToList();
        await f.PumpAsync(Task.WhenAll(burst));

        Assert.All(burst, b => Assert.Equal(EffectOutcomeKind.Done, b.Result.Kind));
        var puts = f.Http.Requests.Where(r => r.Method == HttpMethod.Put).OrderBy(r => r.At).ToList();
        Assert.Equal(200, puts.Count);
        Assert.All(puts, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.Equal(
            Enumerable.Range(1, 200).Select(n => "incident card " + n).Order(),
            puts.Select(p => p.Json["attachments"]![0]!["content"]!["body"]![0]!["text"]!.GetValue<string>()).Order());
        foreach (var (count, window) in TeamsServiceRules.ConversationLimits)
        {
            Assert.True(MostInAnyWindow(puts, window) <= count, $"more than {count} updates within {window}");
        }

        // 60 per 30 s is the binding limit: 200 updates need at least 3 full windows.
        Assert.True(puts[^1].At - puts[0].At >= TimeSpan.FromSeconds(90), $"the burst took {puts[^1].At - puts[0].At}");
    }

    [Fact]
    public async Task Posts_BurstIntoAHundredChannelsOfOneTenant_StayUnderThirtyConnectorRequestsASecondAndAllArrive()
    {
        // Each conversation's own limits allow these at once: only the tenant's 30 a second holds them back.
        var burst = Enumerable.Range(0, 100)
            .Select(i => Task.Run(() => f.RunAsync(new PostToChannel("status " + i), PlatformFixture.ChannelLinks(channel: $"19:c{i}@thread.tacv2"))))
            .ToList();
        await f.PumpAsync(Task.WhenAll(burst));

        Assert.All(burst, b => Assert.Equal(EffectOutcomeKind.Done, b.Result.Kind));
        var posts = f.Http.Requests.Where(r => r.Url.Contains("/v3/", StringComparison.Ordinal)).OrderBy(r => r.At).ToList();
        Assert.Equal(100, posts.Count);
        Assert.All(posts, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        Assert.Equal(100, posts.Select(p => p.Json["text"]!.GetValue<string>()).Distinct().Count());
        Assert.True(MostInAnyWindow(posts, TimeSpan.FromSeconds(1)) <= 30, "more than 30 Connector requests within a second");
        Assert.True(posts[^1].At - posts[0].At >= TimeSpan.FromSeconds(3), $"the burst took {posts[^1].At - posts[0].At}");
    }

    [Fact]
    public async Task ChannelCreations_BurstInOneTeam_StayUnderFourGraphRequestsASecond()
    {
        var burst = Enumerable.Range(0, 20).Select(_ => Task.Run(() => f.RunAsync(new OpenChannel()))).ToList();
        await f.PumpAsync(Task.WhenAll(burst));

        Assert.All(burst, b => Assert.Equal(EffectOutcomeKind.Done, b.Result.Kind));
        var graph = f.Http.Requests.Where(r => r.Url.Contains("/teams/" + PlatformFixture.GroupId, StringComparison.Ordinal)).OrderBy(r => r.At).ToList();
        Assert.Equal(20, graph.Count);
        Assert.All(graph, g => Assert.Equal(HttpStatusCode.Created, g.Status));
        Assert.True(MostInAnyWindow(graph, TimeSpan.FromSeconds(1)) <= 4);
    }

    [Fact]
    public async Task OpenChannel_TeamsGraphSecondFull_PacedBeforeSending_ItsTurnCreatesTheChannelWithoutReadingTheTeamsChannels()
    {
        using var paced = new PlatformFixture(pacing: new TeamsPacing(TimeSpan.Zero));
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(EffectOutcomeKind.Done, (await paced.Platform.ExecuteAsync(paced.Context(new OpenChannel()) with { StepKey = $"{i}:open_channel:1" }, CancellationToken.None)).Kind);
        }

        // The fifth channel's turn is a second away: it has sent nothing (it only chose the team), so the attempt does
        // not count, and at its turn it creates its channel at once instead of first looking for one by name.
        var open = paced.Context(new OpenChannel()) with { StepKey = "5:open_channel:1" };
        var first = await paced.Platform.ExecuteAsync(open, CancellationToken.None);
        Assert.Equal((EffectOutcomeKind.Retry, EffectPacing.BeforeSending), (first.Kind, first.Pacing));
        paced.Time.Advance(first.RetryAfter!.Value);
        var counted = first.Pacing == EffectPacing.AfterSending ? 1 : 0; // as the outbox counts it
        Assert.Equal(EffectOutcomeKind.Done, (await paced.Platform.ExecuteAsync(open with { Attempt = 1 + counted }, CancellationToken.None)).Kind);

        Assert.Equal(5, paced.Http.Count(HttpMethod.Post, "/teams/" + PlatformFixture.GroupId + "/channels"));
        Assert.Equal(0, paced.Http.Count(HttpMethod.Get, "/teams/" + PlatformFixture.GroupId + "/channels"));
    }

    [Fact]
    public async Task StatusUpdate_AnnouncementsChannelFull_ChannelPostedThenPacedAsSent_ItsTurnPostsTheAnnouncementOnly()
    {
        using var paced = new PlatformFixture(pacing: new TeamsPacing());

        // Sixty announcements fill the announcements channel's 30-second window (8 per 2 s: they take 15 s).
        var fill = Task.Run(async () =>
        {
            for (var i = 0; i < 60; i++)
            {
                Assert.Equal(EffectOutcomeKind.Done, (await paced.Platform.ExecuteAsync(paced.Context(new Announce("announcement " + i)) with { StepKey = $"{i}:announce:1" }, CancellationToken.None)).Kind);
            }
        });
        await paced.PumpAsync(fill);

        var update = paced.Context(new PostStatusUpdate("Mitigated by rollback", PlatformFixture.Declarer), PlatformFixture.ChannelLinks());
        var first = await paced.Platform.ExecuteAsync(update, CancellationToken.None);

        Assert.Equal((EffectOutcomeKind.Retry, EffectPacing.AfterSending), (first.Kind, first.Pacing));
        Assert.InRange(first.RetryAfter ?? TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30));
        paced.Time.Advance(first.RetryAfter!.Value);
        var second = await paced.Platform.ExecuteAsync(update with { Attempt = 2 }, CancellationToken.None);

        Assert.Equal(EffectOutcomeKind.Done, second.Kind);
        var general = paced.Http.Requests.Where(r => r.Method == HttpMethod.Post && r.Url.Contains("19%3Ageneral", StringComparison.Ordinal)).ToList();
        Assert.Equal(61, general.Count);
        Assert.Single(paced.Http.Requests, r => r.Method == HttpMethod.Post && r.Url.Contains("19%3Anew", StringComparison.Ordinal));
        Assert.All(paced.Http.Requests, r => Assert.NotEqual(HttpStatusCode.TooManyRequests, r.Status));
    }

    /// <summary>The most requests that arrived within any window of this length (half-open, as the fake counts them).</summary>
    private static int MostInAnyWindow(IReadOnlyList<RecordedRequest> sorted, TimeSpan window) =>
        sorted.Select(end => sorted.Count(r => r.At > end.At - window && r.At <= end.At)).Max();
}
