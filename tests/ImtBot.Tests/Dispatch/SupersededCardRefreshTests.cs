using ImtBot.Core.Effects;
using ImtBot.Core.Ports;
using ImtBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Tests.Dispatch;

/// <summary>
/// Card refreshes of one incident leased together: only the last draws the card. The ones before it are completed
/// before it runs, not left in flight beside it — killed while the last one ran (its card posted, not yet recorded), a
/// refresh still in flight would come back after the restart as tried before and post a second card.
/// </summary>
public class SupersededCardRefreshTests
{
    [Fact]
    public async Task TwoRefreshesLeasedTogether_TheEarlierIsDoneBeforeTheLaterDrawsTheCard()
    {
        var seen = new CardRefreshes();
        await using var host = await TestHost.StartWithConsolePlatformAsync(seen.Wrap);
        Assert.True((await host.SayAsync("alice", "general", "/incident declare \"Checkout failing\" sev2")).Accepted);
        await host.DrainOutboxAsync();

        var channel = (string)(await host.GetArrayAsync("/api/console/channels?user=alice")).Single(c => (int?)c!["incident"] == 1)!["id"]!;
        seen.Outbox = host.Services.GetRequiredService<IOutbox>();
        foreach (var text in new[] { "/incident action Add a canary for checkout", "/incident action Alert on checkout errors" })
        {
            var said = await host.SayAsync("alice", channel, text);
            Assert.True(said.Accepted, said.Text);
        }

        var refreshes = host.Services.GetRequiredService<IOutbox>().GetSteps(OutboxStatus.Pending).Where(s => s.Kind == "sync_card").Select(s => s.Key).ToList();
        Assert.Equal(2, refreshes.Count);
        seen.Refreshes = refreshes;
        await host.DrainOutboxAsync();

        // One refresh drew the card (the later), and when it did the earlier was done already.
        var drawn = Assert.Single(seen.Drawn);
        Assert.Equal(refreshes[^1], drawn.Key);
        Assert.Equal(OutboxStatus.Done, drawn.EarlierStatus);
    }

    private sealed class CardRefreshes
    {
        public IOutbox? Outbox { get; set; }

        public IReadOnlyList<string> Refreshes { get; set; } = [];

        public List<(string Key, OutboxStatus? EarlierStatus)> Drawn { get; } = [];

        public IChatPlatform Wrap(IChatPlatform inner) => new Platform(inner, this);

        private sealed class Platform(IChatPlatform inner, CardRefreshes owner) : IChatPlatform
        {
            public string Name => inner.Name;

            public Task<EffectOutcome> ExecuteAsync(EffectContext context, CancellationToken cancellationToken)
            {
                if (owner.Outbox is { } outbox && owner.Refreshes.Contains(context.StepKey))
                {
                    var earlier = new[] { OutboxStatus.Pending, OutboxStatus.InFlight, OutboxStatus.Done }
                        .SelectMany(outbox.GetSteps)
                        .Where(s => owner.Refreshes.Contains(s.Key) && s.Key != context.StepKey)
                        .ToList();
                    lock (owner.Drawn)
                    {
                        owner.Drawn.Add((context.StepKey, earlier.SingleOrDefault()?.Status));
                    }
                }

                return inner.ExecuteAsync(context, cancellationToken);
            }
        }
    }
}
