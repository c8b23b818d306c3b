using ImtBot.Core.Ports;

namespace ImtBot.Storage;

/// <summary>The LiteDB store is owned by one process (its lock file keeps others out), so that process holds every role.</summary>
public sealed class SingleProcessLeadership : ILeaderElection
{
    public Task<ILeadership> AcquireAsync(string role, CancellationToken cancellationToken) => Task.FromResult<ILeadership>(Held.Instance);

    private sealed class Held : ILeadership
    {
        public static readonly Held Instance = new();

        public CancellationToken Lost => CancellationToken.None;

        public long Term => 1;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
