using ImtBot.Core.Effects;
using ImtBot.Core.Ports;
using ImtBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Tests.Dispatch;

/// <summary>
/// One incident's slow effect (a post a rate limit holds back) does not hold back another incident's effects, while
/// each incident's own steps still run in order (docs/reliability.md §Outbox: a rate-limited post for one incident never delays another).
/// </summary>
public class IndependentIncidentsTests
{
    [Fact]
    public async Task SlowEffectOfOneIncident_OtherIncidentProceeds()
    {
        var gate = new HeldAnnouncement();
        await using var host = await TestHost.StartWithConsolePlatformAsync(gate.Wrap, "Dispatcher:Enabled=true");

        await host.SayAsync("alice", "general", "/incident declare Slow one sev2");
        await gate.FirstHeld.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await host.SayAsync("bob", "general", "/incident declare Other one sev2");

        // A guard, not a measurement: INC-2 is announced while INC-1's announcement is still held.
        await gate.SecondAnnounced.Task.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.False(gate.FirstReleased);

        gate.Release();
        await gate.FirstDone.Task.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(["1:announce", "2:announce"], gate.Order.Where(e => e.EndsWith(":announce", StringComparison.Ordinal)).Order());
    }

    private sealed class HeldAnnouncement
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource FirstHeld { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource FirstDone { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource SecondAnnounced { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool FirstReleased => _release.Task.IsCompleted;

        public List<string> Order { get; } = [];

        public void Release() => _release.TrySetResult();

        public IChatPlatform Wrap(IChatPlatform inner) => new Platform(inner, this);

        private sealed class Platform(IChatPlatform inner, HeldAnnouncement owner) : IChatPlatform
        {
            public string Name => inner.Name;

            public async Task<EffectOutcome> ExecuteAsync(EffectContext context, CancellationToken cancellationToken)
            {
                var incident = context.Incident.Number;
                if (context.Effect is Announce && incident == 1)
                {
                    owner.FirstHeld.TrySetResult();
                    await owner._release.Task.WaitAsync(cancellationToken);
                }

                var outcome = await inner.ExecuteAsync(context, cancellationToken);
                lock (owner.Order)
                {
                    owner.Order.Add($"{incident}:{context.Effect.Kind}");
                }

                if (context.Effect is Announce)
                {
                    (incident == 1 ? owner.FirstDone : owner.SecondAnnounced).TrySetResult();
                }

                return outcome;
            }
        }
    }
}
