using ImtBot.Core.Events;
using ImtBot.Core.Ports;

namespace ImtBot.Storage;

/// <summary>
/// The incident store as the host holds it, whichever engine is behind it (<see cref="StorageOptions.Provider"/>):
/// every store port, readiness, the chain audit, and the host's own document collections.
/// </summary>
public interface IIncidentStore : ICommandStore, IOutbox, IDisposable
{
    StorageProvider Provider { get; }

    /// <summary>Whether the store can serve; its reason when not.</summary>
    StoreHealth Health { get; }

    bool IsReady { get; }

    /// <summary>The store's instruments (commit latency), read by the host's <c>/metrics</c>.</summary>
    StoreMeters Meters { get; }

    /// <summary>The host's own collections (console chat, API tokens, the admin audit) beside the incidents.</summary>
    IDocumentDatabase Documents { get; }

    /// <summary>Checks the store can serve (a write after a failed one) and reports health.</summary>
    Task<StoreHealth> ProbeAsync(CancellationToken cancellationToken = default);

    /// <summary>Recomputes an incident's hash chain from its stored events; the snapshot must match its end.</summary>
    ChainVerification Verify(int number);
}
