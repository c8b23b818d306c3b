namespace ImtBot.Dispatch;

/// <summary>Wakes the effect dispatcher when a commit may have added due steps, so it need not poll.</summary>
public sealed class OutboxSignal
{
    private TaskCompletionSource _pulse = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify() => Interlocked.Exchange(ref _pulse, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>A task that completes at the next <see cref="Notify"/>.</summary>
    public Task NextAsync(CancellationToken cancellationToken) => Volatile.Read(ref _pulse).Task.WaitAsync(cancellationToken);
}
