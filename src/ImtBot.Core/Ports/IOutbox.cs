namespace ImtBot.Core.Ports;

/// <summary>
/// The outbox the dispatcher drains: steps committed with their events are leased, then completed (with the external
/// ids they learned, the links such as <c>slack:channel</c> → <c>C123</c>), retried or dead-lettered. On a store shared
/// by several instances a lease can run out while its holder still works on the step; another instance may then lease
/// it again, and every later settle from the first holder throws <see cref="LeaseLostException"/> and changes nothing.
/// </summary>
public interface IOutbox
{
    /// <summary>
    /// Leases up to <paramref name="max"/> due pending steps (and steps whose lease expired) to <paramref name="owner"/>:
    /// urgent kinds (channel, page, announcement) first, then the earliest due; never a step whose incident has an
    /// earlier step that failed and waits for its retry.
    /// </summary>
    Task<IReadOnlyList<OutboxStep>> LeaseDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default);

    /// <summary>Marks a step done and stores the links it learned, atomically; the step's own links (<see cref="StepLinks"/>) go.</summary>
    Task CompleteStepAsync(string key, IReadOnlyDictionary<string, string> links, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns a step that failed transiently to pending with its error, due again at <paramref name="retryAt"/>. Until
    /// it completes or is dead-lettered, its incident's later steps are not leased (timers excepted), so they run after
    /// it, in order; <see cref="OutboxStep.FailingSince"/> keeps when its faults began.
    /// </summary>
    Task RetryStepAsync(string key, string error, DateTimeOffset retryAt, CancellationToken cancellationToken = default);

    /// <summary>Returns a step that is simply not due yet (no fault) to pending, due at <paramref name="dueAt"/>; it holds nothing back.</summary>
    Task DeferStepAsync(string key, string reason, DateTimeOffset dueAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns a step that waits its turn under the platform's rate limit (no fault) to pending, due at
    /// <paramref name="dueAt"/>. Like a retry it holds its incident's later steps back (timers excepted), so they stay
    /// in order; unlike one it leaves <see cref="OutboxStep.FailingSince"/> as it was, and, when <paramref name="sent"/>
    /// is false (nothing was sent that is not in <paramref name="links"/>), its attempt is not counted. The links it
    /// learned so far (a message it posted before its turn ran out) are stored with it, atomically.
    /// </summary>
    Task PaceStepAsync(string key, string reason, DateTimeOffset dueAt, bool sent, IReadOnlyDictionary<string, string> links, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores links for a step that is running, durably, before it goes on: what it is about to do that a crash could
    /// leave unknown (a post it is about to send, and when), so that its next attempt knows where to look. Refused with
    /// <see cref="LeaseLostException"/> (and nothing stored) when the step's lease went to another holder: a holder
    /// that lost its lease must not act on the platform any more.
    /// </summary>
    Task NoteStepAsync(string key, IReadOnlyDictionary<string, string> links, CancellationToken cancellationToken = default);

    /// <summary>Hands back a leased step that was not run (an earlier step of its incident failed): pending again, its attempt not counted.</summary>
    Task ReleaseStepAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Gives up on a step (dead letter); it is listed by <see cref="GetSteps"/>. Its own links (<see cref="StepLinks"/>) go.</summary>
    Task DeadLetterStepAsync(string key, string error, DateTimeOffset now, CancellationToken cancellationToken = default);

    IReadOnlyList<OutboxStep> GetSteps(OutboxStatus status);

    /// <summary>
    /// The earliest due time of a pending step (or lease expiry of an in-flight one), so the dispatcher can sleep until
    /// then; with <paramref name="after"/>, the earliest later than it (what was due by then has been looked at).
    /// </summary>
    DateTimeOffset? NextDueAt(DateTimeOffset? after = null);

    /// <summary>External ids learned for an incident, e.g. <c>slack:channel</c>, <c>slack:card</c>, <c>teams:activity</c>.</summary>
    IReadOnlyDictionary<string, string> GetLinks(int incident);
}
