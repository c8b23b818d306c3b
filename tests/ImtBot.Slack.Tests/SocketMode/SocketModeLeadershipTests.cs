using ImtBot.Core.Ports;
using ImtBot.Slack.SocketMode;
using ImtBot.Slack.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace ImtBot.Slack.Tests.SocketMode;

/// <summary>
/// With several instances on one database, Socket Mode connects only while this instance holds the leader role: not
/// before it is granted, closed when the role is lost (another instance takes over), connected again when it returns.
/// </summary>
public sealed class SocketModeLeadershipTests
{
    [Fact]
    public async Task Leadership_GrantedLostAndRegained_ConnectsOnlyWhileHeld()
    {
        var election = new ManualElection();
        await using var host = await SlackTestHost.StartAsync(socketMode: true, configure: s => s.AddSingleton<ILeaderElection>(election));
        var service = host.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<SlackSocketModeService>().Single();

        // The service asks for the role and waits for it: nothing is connected until it is granted.
        Assert.Equal(SlackSocketModeService.Role, await election.Asked.Task);
        Assert.Empty(host.Fake.CallsTo("apps.connections.open"));
        Assert.False(service.Leading);

        var first = election.Grant();
        await host.Fake.NextSocketAsync();
        Assert.True(service.Leading);

        await first.LoseAsync();
        await WaitUntilAsync(() => !service.Leading && service.OpenConnections == 0);

        // Grant only once the service asks again: a grant before the second ask would answer no one.
        await WaitUntilAsync(() => election.Asks >= 2);
        election.Grant();
        await host.Fake.NextSocketAsync();
        Assert.Equal(2, host.Fake.CallsTo("apps.connections.open").Count);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }

    /// <summary>An election the test decides: each AcquireAsync waits for <see cref="Grant"/>.</summary>
    private sealed class ManualElection : ILeaderElection
    {
        private TaskCompletionSource<ILeadership> _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _term;

        public TaskCompletionSource<string> Asked { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private int _asks;

        public int Asks => Volatile.Read(ref _asks);

        public async Task<ILeadership> AcquireAsync(string role, CancellationToken cancellationToken)
        {
            var next = _next;
            Interlocked.Increment(ref _asks);
            Asked.TrySetResult(role);
            return await next.Task.WaitAsync(cancellationToken);
        }

        public HeldTerm Grant()
        {
            var term = new HeldTerm(++_term);
            var granted = _next;
            _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
            granted.SetResult(term);
            return term;
        }

        public sealed class HeldTerm(long number) : ILeadership
        {
            private readonly CancellationTokenSource _lost = new();

            public CancellationToken Lost => _lost.Token;

            public long Term => number;

            public Task LoseAsync() => _lost.CancelAsync();

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
