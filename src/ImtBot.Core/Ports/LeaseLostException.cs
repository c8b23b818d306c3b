namespace ImtBot.Core.Ports;

/// <summary>
/// A settle of an outbox step whose lease this instance no longer holds: it expired and the step was leased again
/// (a newer fencing token), so another instance runs it now and this late outcome is refused; nothing was changed.
/// Only a store shared by several instances throws it (see <see cref="IOutbox"/>); the dispatcher leaves the step to
/// its new holder.
/// </summary>
public sealed class LeaseLostException(string key, long fence, long current, string owner, string status)
    : InvalidOperationException($"The lease on outbox step '{key}' (fencing token {fence}) has expired and was taken by {owner} (token {current}, {status}); this late outcome was refused and changed nothing.")
{
    public string Key { get; } = key;

    public long Fence { get; } = fence;

    public long CurrentFence { get; } = current;
}
