namespace ImtBot.Storage;

/// <summary>
/// The store could not make a write durable (an I/O fault such as a full disk closed the database, or the checkpoint
/// failed). Nothing was acknowledged: the caller answers with a server error so the platform retries.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
