using System.Reflection;
using ImtBot.Core.Ports;
using ImtBot.Storage;
using ImtBot.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ImtBot.Tests.Dispatch;

/// <summary>
/// While every dispatcher slot is taken (effects held back, e.g. by a rate limit) and more steps are due, the
/// dispatcher waits for a slot to free up: it does not keep asking the store what is due. It used to spin on
/// <see cref="IOutbox.NextDueAt"/> — a due step answers "now" — which took a fifth of the host's CPU and
/// contended with the writer under load.
/// </summary>
public class FullCapacityTests
{
    [Fact]
    public async Task AllSlotsHeldWithStepsDue_StoreNotPolledUntilASlotFrees()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await TestHost.StartAsync(
            builder =>
            {
                builder.Services.RemoveAll<IChatPlatform>();
                builder.Services.AddSingleton<ImtBot.ConsoleChat.ConsolePlatform>();
                builder.Services.AddSingleton<IChatPlatform>(sp => new HeldPlatform(sp.GetRequiredService<ImtBot.ConsoleChat.ConsolePlatform>(), held, release));
                builder.Services.RemoveAll<IOutbox>();
                builder.Services.AddSingleton(sp => CountingStore.Wrap(sp.GetRequiredService<LiteIncidentStore>()));
            },
            settings: ["Dispatcher:Enabled=true", "Dispatcher:BatchSize=1"]);
        var store = (CountingStore)(object)host.Services.GetRequiredService<IOutbox>();

        await host.SayAsync("alice", "general", "/incident declare Held sev2");
        await held.Task.WaitAsync(TimeSpan.FromMinutes(1));

        // The one slot is held and the declaration's other steps are due now. Give a spinning loop time to show.
        var before = store.Calls;
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var during = store.Calls - before;

        release.TrySetResult();
        await host.DrainOutboxAsync();

        Assert.True(during <= 2, $"the store was asked {during} times while every slot was held");
        Assert.Contains(await host.MessagesAsync("general"), m => ((string?)m!["text"] ?? string.Empty).Contains("INC-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LaterStepsHeldBehindAStepWaitingForItsRetry_StoreNotPolledUntilSomethingChanges()
    {
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await TestHost.StartAsync(
            builder =>
            {
                builder.Services.RemoveAll<IChatPlatform>();
                builder.Services.AddSingleton<ImtBot.ConsoleChat.ConsolePlatform>();
                builder.Services.AddSingleton<IChatPlatform>(sp => new FirstStepFailsPlatform(sp.GetRequiredService<ImtBot.ConsoleChat.ConsolePlatform>(), failed));
                builder.Services.RemoveAll<IOutbox>();
                builder.Services.AddSingleton(sp => CountingStore.Wrap(sp.GetRequiredService<LiteIncidentStore>()));
            },
            settings: ["Dispatcher:Enabled=true"]);
        var store = (CountingStore)(object)host.Services.GetRequiredService<IOutbox>();

        // The channel step fails and waits for its retry (or its turn under a rate limit, which holds the same way):
        // the incident's later steps are due now but may not be leased. A loop that takes "due now" for "look again"
        // would spin on the store until the retry.
        await host.SayAsync("alice", "general", "/incident declare Held sev2");
        await failed.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await Task.Delay(TimeSpan.FromMilliseconds(200));
        var before = store.Calls;
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        var during = store.Calls - before;

        Assert.True(during <= 2, $"the store was asked {during} times while the due steps were held");
        Assert.Contains(host.Services.GetRequiredService<IOutbox>().GetSteps(OutboxStatus.Pending), s => s.Kind != "timer" && s.DueAt <= host.Clock.GetUtcNow());

        // Its retry time comes: the held step and those behind it run.
        // The running dispatcher and the drain both lease; whichever ran the held step, the steps behind it follow.
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        await host.DrainOutboxAsync();
        for (var i = 0; i < 100 && host.Services.GetRequiredService<IOutbox>().GetSteps(OutboxStatus.Pending).Any(s => s.Kind != "timer"); i++)
        {
            await Task.Delay(50);
        }

        Assert.DoesNotContain(host.Services.GetRequiredService<IOutbox>().GetSteps(OutboxStatus.Pending), s => s.Kind != "timer");
    }

    /// <summary>The first step fails once with a minute's Retry-After; the rest go to the console.</summary>
    private sealed class FirstStepFailsPlatform(IChatPlatform inner, TaskCompletionSource failed) : IChatPlatform
    {
        private int calls;

        public string Name => inner.Name;

        public Task<EffectOutcome> ExecuteAsync(EffectContext context, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                failed.TrySetResult();
                return Task.FromResult(EffectOutcome.Retry("service_unavailable", TimeSpan.FromMinutes(1)));
            }

            return inner.ExecuteAsync(context, cancellationToken);
        }
    }

    private sealed class HeldPlatform(IChatPlatform inner, TaskCompletionSource held, TaskCompletionSource release) : IChatPlatform
    {
        public string Name => inner.Name;

        public async Task<EffectOutcome> ExecuteAsync(EffectContext context, CancellationToken cancellationToken)
        {
            held.TrySetResult();
            await release.Task.WaitAsync(cancellationToken);
            return await inner.ExecuteAsync(context, cancellationToken);
        }
    }

    /// <summary>The real store, counting the dispatcher's questions (what is due, and leases).</summary>
    public class CountingStore : DispatchProxy
    {
        private IOutbox _inner = null!;
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public static IOutbox Wrap(IOutbox inner)
        {
            var proxy = Create<IOutbox, CountingStore>();
            ((CountingStore)(object)proxy)._inner = inner;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod?.Name is nameof(IOutbox.NextDueAt) or nameof(IOutbox.LeaseDueAsync))
            {
                Interlocked.Increment(ref _calls);
            }

            try
            {
                return targetMethod!.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
    }
}
