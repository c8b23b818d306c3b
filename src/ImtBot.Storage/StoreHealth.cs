namespace ImtBot.Storage;

/// <summary>Whether the store can serve (open, lock held, chains of open incidents intact); Reason says why not.</summary>
public sealed record StoreHealth(bool Ready, string? Reason)
{
    public static StoreHealth Healthy { get; } = new(true, null);

    public static StoreHealth NotReady(string reason) => new(false, reason);
}
