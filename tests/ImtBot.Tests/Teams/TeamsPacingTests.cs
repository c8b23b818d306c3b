using System.Net;
using ImtBot.Core.Ports;
using ImtBot.Teams.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Tests.Teams;

/// <summary>
/// Teams allows 60 sends per 30 s into one conversation, and every incident's announcement goes to the one
/// announcements channel. An announcement whose turn is far off gives its dispatcher slot back and comes back at its
/// turn: the other incidents' channels and cards go out meanwhile, on few slots, and every announcement still arrives
/// once, inside the limits, without a 429.
/// </summary>
public sealed class TeamsPacingTests
{
    [Fact]
    public async Task SeventyDeclaredAtOnce_AnnouncementsPastTheLimitWaitInTheOutbox_EveryCardGoesBeforeThem()
    {
        await using var teams = await TeamsHarness.StartAsync();
        var host = teams.Host;
        Assert.Equal(HttpStatusCode.OK, (await teams.PostAsync(TeamsHarness.BotAdded())).StatusCode);
        const int incidents = 70;
        for (var i = 1; i <= incidents; i++)
        {
            Assert.Contains($"INC-{i} declared", await teams.SayAsync(TeamsUser.Alice, $"19:ops{i}@thread.tacv2", (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), $"declare Outage {i} sev2"));

            // 20 declarations a second: their replies stay under the tenant's 30 Connector requests a second.
            host.Clock.Advance(TimeSpan.FromMilliseconds(50));
        }

        var outbox = host.Services.GetRequiredService<IOutbox>();
        var pacedSeen = false;
        // Looked for while the outbox drains as well as between drains: a drain moves the clock, and a paced announcement
        // may be sent away and come back at its turn within one drain.
        bool Paced() => outbox.GetSteps(OutboxStatus.Pending).Any(s => s.Kind == "announce" && s.LastError == "waiting for its turn under the rate limit");
        for (var round = 0; round < 2_000 && outbox.GetSteps(OutboxStatus.Pending).Any(s => s.Kind != "timer"); round++)
        {
            // Steps that wait a moment for their turn wait in place, on the fake clock: move it while they run.
            var draining = host.DrainOutboxAsync();
            while (!draining.IsCompleted)
            {
                host.Clock.Advance(TimeSpan.FromMilliseconds(50));
                await Task.WhenAny(draining, Task.Delay(1));
                pacedSeen = pacedSeen || Paced();
            }

            await draining;
            pacedSeen = pacedSeen || Paced();
            host.Clock.Advance(TimeSpan.FromMilliseconds(50));
        }

        var announcements = teams.Requests(HttpMethod.Post, TeamsHarness.Connector("v3/conversations", TeamsHarness.General, "activities")).OrderBy(r => r.At).ToList();
        Assert.Equal(Enumerable.Range(1, incidents).Select(i => $"INC-{i}"), announcements.Select(a => System.Text.RegularExpressions.Regex.Match((string?)a.Json["text"] ?? "", @"INC-\d+").Value).Order(StringComparer.Ordinal).OrderBy(k => int.Parse(k[4..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(teams.Http.Requests, r => Assert.NotEqual(HttpStatusCode.TooManyRequests, r.Status));
        Assert.True(pacedSeen, "announcements past the limit waited in the outbox: " + string.Join(" ", announcements.Select(a => (a.At - announcements[0].At).TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture))));

        // The 61st announcement had to wait for the 30-second window; every incident's card was posted before it.
        var cards = teams.Http.Requests.Where(r => r.Method == HttpMethod.Post && r.RawUrl == TeamsHarness.Connector("v3/conversations") && r.Json["isGroup"]?.GetValue<bool>() == true).ToList();
        Assert.Equal(incidents, cards.Count);
        Assert.True(announcements[60].At - announcements[0].At >= TimeSpan.FromSeconds(30));
        Assert.True(cards.Max(c => c.At) < announcements[60].At, $"last card at {cards.Max(c => c.At):HH:mm:ss.fff}, 61st announcement at {announcements[60].At:HH:mm:ss.fff}");
        Assert.Empty(outbox.GetSteps(OutboxStatus.Dead));
    }
}
