using ImtBot.Core.Ports;

namespace ImtBot.Storage.Writer;

/// <summary>The test-only hook: called at every <see cref="FaultPoint"/> with the commit concerned (null for other work).</summary>
internal sealed class FaultInjector
{
    private volatile Action<FaultPoint, CommitRequest?>? _hook;

    public Action<FaultPoint, CommitRequest?>? Hook
    {
        get => _hook;
        set => _hook = value;
    }

    public void Hit(FaultPoint point, CommitRequest? request) => _hook?.Invoke(point, request);
}
