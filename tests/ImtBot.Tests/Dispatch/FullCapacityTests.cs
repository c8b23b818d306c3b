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
