using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ImtBot.Core.Ports;
using ImtBot.Teams.Connector;
using ImtBot.Teams.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ImtBot.Tests.Teams;

/// <summary>
/// An alert storm through <c>/api/messages</c>: 200 SEV1 declarations in 10 s, each a new post in the on-call team's ops
/// channel and each paging the on-call commander, against a fake Bot Connector and Graph that enforce Teams' documented
/// limits with 429 (per bot per conversation 7 a second, 8 per 2 s, 60 per 30 s, 1,800 an hour; 30 Connector requests a
/// second per tenant; Graph 4 requests a second per team). Creating 200 channels takes Graph 50 s whatever the bot does,
/// and the on-call's 1:1 chat and the announcements channel take 60 messages per 30 s; what the bot owes is to
/// acknowledge every declaration at once, spend those budgets fully, page the on-call without waiting for other
/// incidents' channels, and leave every incident with one channel, one correct card and one announcement.
/// </summary>
public sealed partial class TeamsStormTests(ITestOutputHelper output)
{
    private const int Storm = 200;
    private const string Ops = "19:ops@thread.tacv2";
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task TwoHundredDeclarationsInTenSeconds_PagedAtTheChatsPaceChannelsAtGraphsRateEachOnce()
    {
        await using var teams = await TeamsHarness.StartAsync(
            "Incidents:Policies:SEV1:PageOnDeclare:0=commander",
            "Incidents:OnCall:commander:0=" + TeamsUser.Bob.AadObjectId,
            "Dispatcher:Enabled=true");
        var host = teams.Host;
        Assert.Equal(HttpStatusCode.OK, (await teams.PostAsync(TeamsHarness.BotAdded())).StatusCode);
        var start = host.Clock.GetUtcNow();

        // 200 declarations over 10 s, one every 50 ms, each a new post in the ops channel; the dispatcher runs as in
        // production, and the clock moves a tick at a time once the host has done what it can at that time.
        var acks = new List<double>();
        for (var n = 1; n <= Storm; n++)
        {
            var declared = host.Clock.GetUtcNow();
            var watch = Stopwatch.StartNew();
            var post = teams.PostAsync(TeamsHarness.Message(TeamsUser.Alice, Ops, Id(n), $"declare Checkout errors shard {n} sev1"));
            Assert.True(await Task.WhenAny(post, Task.Delay(TimeSpan.FromSeconds(30))) == post, $"declaration {n} was not acknowledged until the clock moved");
            acks.Add(watch.Elapsed.TotalMilliseconds);
            Assert.Equal(HttpStatusCode.OK, (await post).StatusCode);
            Assert.Equal(declared, host.Clock.GetUtcNow());
            await TickAsync(teams);
        }

        // Then until every incident has what it needs (looked at once a second of the clock: it reads every request).
        for (var tick = 1; tick <= 300 * 20 && (tick % 20 != 0 || !Done(teams)); tick++)
        {
            await TickAsync(teams);
        }

        var requests = teams.Http.Requests;
        output.WriteLine($"{(Done(teams) ? "every incident had its channel, card, announcement, page and reply" : "still not done")} {(host.Clock.GetUtcNow() - start).TotalSeconds:F0} s after the storm began ({requests.Count} requests to Teams)");
        acks.Sort();
        output.WriteLine($"acknowledgements (wall clock, not asserted): median {acks[Storm / 2]:F1} ms, p99 {acks[(int)(Storm * 0.99)]:F1} ms, max {acks[^1]:F1} ms");

        // Within Teams' limits throughout: not one request answered 429.
        var refused = requests.Where(r => r.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.True(refused.Count == 0, $"{refused.Count} requests were answered 429, the first {refused.FirstOrDefault()?.Method} {refused.FirstOrDefault()?.RawUrl}: {refused.FirstOrDefault()?.ResponseBody}");
        var busiest = requests.Where(r => r.Url.Contains("/v3/", StringComparison.Ordinal)).OrderBy(r => r.At).ToList();
        output.WriteLine($"Connector requests: {busiest.Count}, at most {MostInAnyWindow(busiest, TimeSpan.FromSeconds(1))} in any second (the tenant allows 30)");

        // One channel per incident, made at Graph's rate: 4 a second for the team; at 95 % of that rate at least.
        var channels = requests
            .Where(r => r.Method == HttpMethod.Post && r.RawUrl == TeamsHarness.GraphBaseUrl + $"teams/{TeamsHarness.GroupId}/channels" && r.Status == HttpStatusCode.Created)
            .Select(r => (Id: (string)r.ResponseJson["id"]!, Key: Key((string)r.Json["displayName"]!), r.At))
            .ToList();
        Assert.Equal(Storm, channels.Count);
        Assert.Equal(Storm, channels.Select(c => c.Key).Distinct().Count());
        var lastChannel = channels.Max(c => c.At) - start;
        var graphAllows = Earliest(Storm, TeamsServiceRules.TeamLimits)[^1];
        output.WriteLine($"channels: first {(channels.Min(c => c.At) - start).TotalSeconds:F1} s, last {lastChannel.TotalSeconds:F1} s (Graph allows the last at {graphAllows.TotalSeconds:F2} s)");
        Assert.True(lastChannel <= graphAllows / 0.95, $"the last channel came at {lastChannel}, later than at 95 % of Graph's rate ({graphAllows / 0.95})");

        // Every incident paged Bob, at his 1:1 chat's own pace (60 per 30 s), which is slower than Graph's 4 channels a
        // second, so most incidents' channels come first all the same. No page waited for other incidents' channels:
        // the chat was kept busy, and each first page went no later after the chat allowed it than the two steps its
        // incident's dispatch runs before it (its channel and its announcement) may each wait for a turn in place.
        // (Bob answers none, so each page is sent again when it times out: only the first of each incident counts.)
        var firstPages = Posts(requests, TeamsHarness.BobChat)
            .Where(r => Text(r).Contains("You are paged for", StringComparison.Ordinal))
            .GroupBy(r => Key(Text(r)))
            .ToDictionary(g => g.Key, g => g.Min(p => p.At));
        Assert.Equal(Storm, firstPages.Count);
        var chatAllows = Earliest(Storm, TeamsServiceRules.ConversationLimits);
        var paged = firstPages.Values.Order().Select(at => at - start).ToList();
        var late = paged.Zip(chatAllows, (at, allowed) => at - allowed).Max();
        output.WriteLine($"pages: the last incident's first page at {paged[^1].TotalSeconds:F1} s (the chat allows the last at {chatAllows[^1].TotalSeconds:F1} s); no first page more than {late.TotalSeconds:F2} s after the chat allowed it");
        Assert.True(paged[^1] <= chatAllows[^1] / 0.95, $"the last first page went at {paged[^1]}, later than at 95 % of the chat's rate ({chatAllows[^1] / 0.95}): pages waited");
        Assert.True(late <= 2 * new TeamsPacing().Patience, $"a first page went {late} after the chat allowed it: pages waited");
        // Bob's 1:1 chat is made once and kept, not once a page (each a request under the tenant's 30 a second); the
        // first pages run together, and each of those may ask for it before one has it.
        var chatsMade = requests.Count(r => r.Method == HttpMethod.Post && r.RawUrl == TeamsHarness.Connector("v3/conversations") && r.Json["isGroup"]?.GetValue<bool>() == false);
        output.WriteLine($"Bob's 1:1 chat made {chatsMade} times for {Storm} incidents' pages");
        Assert.InRange(chatsMade, 1, 4);
        var pagedBeforeTheirChannel = channels.Count(c => firstPages[c.Key] < c.At);
        output.WriteLine($"pages: {pagedBeforeTheirChannel} incidents paged before their channel existed");

        // Each channel has one card, posted once as its own thread, showing its incident as it is (its last edit).
        foreach (var (id, key, _) in channels)
        {
            var card = Assert.Single(requests, r => r.Method == HttpMethod.Post && r.RawUrl == TeamsHarness.Connector("v3/conversations") && (string?)r.Json["channelData"]?["channel"]?["id"] == id);
            Assert.Equal(HttpStatusCode.Created, card.Status);
            var activity = (string)card.ResponseJson["activityId"]!;
            var shown = requests.Where(r => r.Method == HttpMethod.Put && r.RawUrl == TeamsHarness.Connector("v3/conversations", $"{id};messageid={activity}", "activities", activity))
                .Select(r => r.Json).Prepend(card.Json["activity"]!).Last();
            var text = string.Join(" ", Strings(shown));
            Assert.Contains(key + " ", text, StringComparison.Ordinal);
            Assert.Contains($"Checkout errors shard {key[4..]}", text, StringComparison.Ordinal);
        }

        // Each incident announced once.
        var announced = Posts(requests, TeamsHarness.General).Select(r => Key(Text(r))).ToList();
        Assert.Equal(Storm, announced.Count);
        Assert.Equal(Storm, announced.Distinct().Count());

        // Each declaration answered once in its own thread. The bot counts a channel and its threads together (stricter
        // than Teams' per thread), so the 200 replies share the ops channel's 60 per 30 s: measured, not asserted.
        var replyDelays = new List<TimeSpan>();
        for (var n = 1; n <= Storm; n++)
        {
            var reply = Assert.Single(requests, r => r.Method == HttpMethod.Post && r.RawUrl == TeamsHarness.Connector("v3/conversations", $"{Ops};messageid={Id(n)}", "activities", Id(n)));
            Assert.Matches($@"^INC-\d+ declared: Checkout errors shard {n} ", Text(reply));
            replyDelays.Add(reply.At - (start + (n - 1) * Tick));
        }

        replyDelays.Sort();
        output.WriteLine($"replies in the declarations' threads (fake clock): median {replyDelays[Storm / 2].TotalSeconds:F1} s, last {replyDelays[^1].TotalSeconds:F1} s after its declaration");

        // Bob answers no page, so pages time out and go again and reminders follow: that work goes on. None of it failed.
        Assert.Empty(host.Services.GetRequiredService<IOutbox>().GetSteps(OutboxStatus.Dead));
    }

    /// <summary>Lets the host do what it can at this time (until no request reaches Teams for a moment), then moves the clock one tick.</summary>
    private static async Task TickAsync(TeamsHarness teams)
    {
        var seen = -1;
        for (var quiet = 0; quiet < 3;)
        {
            await Task.Delay(1);
            var count = teams.Http.RequestCount;
            quiet = count == seen ? quiet + 1 : 0;
            seen = count;
        }

        teams.Host.Clock.Advance(Tick);
    }

    private static bool Done(TeamsHarness teams)
    {
        var requests = teams.Http.Requests;
        return requests.Count(r => r.Method == HttpMethod.Post && r.RawUrl == TeamsHarness.Connector("v3/conversations") && r.Json["channelData"]?["channel"]?["id"] is not null && r.Status == HttpStatusCode.Created) >= Storm
            && Posts(requests, TeamsHarness.General).Count >= Storm
            && Posts(requests, TeamsHarness.BobChat).Select(r => Key(Text(r))).Distinct().Count() >= Storm
            && requests.Count(r => r.Method == HttpMethod.Post && r.RawUrl.StartsWith(TeamsHarness.Connector("v3/conversations", Ops + ";messageid="), StringComparison.Ordinal)) >= Storm;
    }

    private static string Id(int n) => (1_700_000_000_000 + n).ToString(CultureInfo.InvariantCulture);

    /// <summary>The new posts into a conversation that Teams accepted.</summary>
    private static List<RecordedRequest> Posts(IEnumerable<RecordedRequest> requests, string conversation) =>
        [.. requests.Where(r => r.Method == HttpMethod.Post && r.RawUrl == TeamsHarness.Connector("v3/conversations", conversation, "activities") && r.Status == HttpStatusCode.OK)];

    /// <summary>A message's text, or a card's summary (what Teams shows in a notification).</summary>
    private static string Text(RecordedRequest r) => (string?)r.Json["text"] ?? (string?)r.Json["summary"] ?? "";

    /// <summary>
    /// When each of <paramref name="count"/> requests can go at the earliest under these limits, counted (as the fake
    /// counts) in half-open windows, if the first goes at once and each may go when the storm has declared it.
    /// </summary>
    private static List<TimeSpan> Earliest(int count, IReadOnlyList<(int Count, TimeSpan Window)> limits)
    {
        var sent = new List<TimeSpan>();
        for (var k = 0; k < count; k++)
        {
            var at = k * Tick;
            foreach (var (most, window) in limits)
            {
                if (k >= most && sent[k - most] + window > at)
                {
                    at = sent[k - most] + window;
                }
            }

            sent.Add(at);
        }

        return sent;
    }

    /// <summary>The most requests that arrived within any window of this length (half-open, as the fake counts them).</summary>
    private static int MostInAnyWindow(IReadOnlyList<RecordedRequest> sorted, TimeSpan window) =>
        sorted.Select(end => sorted.Count(r => r.At > end.At - window && r.At <= end.At)).Max();

    /// <summary>Every string in a JSON tree (a card's texts and facts).</summary>
    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    /// <summary>The incident key a channel name (<c>INC-42 …</c>) or a message names.</summary>
    private static string Key(string text) => Incident().Match(text).Value;

    [GeneratedRegex(@"INC-\d+")]
    private static partial Regex Incident();
}
