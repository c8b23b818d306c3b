using System.Collections.Concurrent;
using ImtBot.Core.Ports;
using Npgsql;

namespace ImtBot.Storage.Postgres;

/// <remarks>
/// Leasing takes due rows with <c>FOR UPDATE SKIP LOCKED</c>, so instances leasing at once each get different steps
/// and none waits for another. Every lease draws a new fencing token from the <c>outbox_fence</c> sequence; the token
/// this instance was given is kept in <see cref="_fences"/> and every settle (complete, retry, defer, release, dead
/// letter) of that step must still carry it. A step whose lease ran out and was leased again by another instance has
/// a newer token, so a late settle from the first is refused with <see cref="LeaseLostException"/> and changes
/// nothing.
/// </remarks>
public sealed partial class PostgresIncidentStore
{
    /// <summary>The advisory lock key that serialises leasing across instances ("lease" as a number).</summary>
    private const long LeaseLock = 0x6C65617365;

    // StepOrder's kinds as SQL lists (constants of the code, not input).
    private static readonly string RunWhenDue = string.Join(", ", StepOrder.RunWhenDue.Select(k => $"'{k}'"));
    private static readonly string HoldNothing = string.Join(", ", StepOrder.HoldNothing.Select(k => $"'{k}'"));

    /// <summary>
    /// When a step next needs the dispatcher: a pending step's due time, but not before it is unparked
    /// (<c>parked_until</c>: the wake of an earlier held step of its incident; <c>greatest</c> ignores a null); an
    /// in-flight step's lease end. The wake indexes are on this expression, and a query must write it the same way.
    /// </summary>
    private static string WakeOf(string row = "") =>
        $"(CASE WHEN {row}status = 'Pending' THEN greatest({row}due_at, {row}parked_until) ELSE {row}lease_until END)";

    private const string StepColumns = "key, incident, platform, kind, payload, due_at, status, attempts, last_error, lease_owner, lease_until, created_at, completed_at, failing_since, fence, first_tried_at";

    // Step key → the fencing token of this instance's lease on it.
    private readonly ConcurrentDictionary<string, long> _fences = new(StringComparer.Ordinal);

    /// <summary>Kinds leased before all others (the same as the LiteDB store's): a channel, pages, announcements.</summary>
    internal static bool IsUrgent(string kind) => kind is "open_channel" or "send_page" or "announce";

    /// <inheritdoc />
    public Task<IReadOnlyList<OutboxStep>> LeaseDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        return RunAsync<IReadOnlyList<OutboxStep>>(
            async connection =>
            {
                // One lease at a time across the cluster. The hold below reads the other steps of an incident, and a
                // concurrent lease's rows are invisible to it until that lease commits: two instances leasing at once
                // could each see an incident's first step Pending — one takes it, SKIP LOCKED makes the other pass
                // it over and take the later steps, which then run before the first (a post to a channel not opened
                // yet). The transaction-scoped lock makes the second lease wait, and its statement then sees the
                // first one's leases in flight.
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                await using (var take = Command(connection, $"SELECT pg_advisory_xact_lock({LeaseLock})", transaction))
                {
                    await take.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                // Urgent kinds first, then the earliest wake; never a step behind an earlier held step of its incident
                // (one that failed and waits for its retry) or behind an earlier step in flight under another owner (a
                // process killed mid-call may have half done it) — even once that lease ran out: the expired step's
                // wake is its lease's end, so it would sort after the later steps and lose a short LIMIT to them. It
                // is leased itself (nothing earlier holds it), and the later steps follow. Timers and pages excepted
                // (StepOrder); a timer holds nothing back either.
                await using var command = Command(
                    connection,
                    $"""
                    WITH due AS (
                        SELECT o.key FROM outbox o
                        WHERE o.status IN ('Pending', 'InFlight')
                          AND {WakeOf("o.")} <= @now
                          AND (o.kind IN ({RunWhenDue}) OR NOT EXISTS (
                              SELECT 1 FROM outbox h
                              WHERE h.incident = o.incident AND h.ord < o.ord
                                AND ((h.held AND h.status IN ('Pending', 'InFlight'))
                                  OR (h.status = 'InFlight' AND h.kind NOT IN ({HoldNothing}) AND h.lease_owner <> @owner))))
                        ORDER BY o.urgent DESC, {WakeOf("o.")}, o.ord
                        LIMIT @max
                        FOR UPDATE OF o SKIP LOCKED)
                    UPDATE outbox SET status = 'InFlight', lease_owner = @owner, lease_until = @until, attempts = outbox.attempts + 1, fence = nextval('outbox_fence'),
                        first_tried_at = CASE WHEN outbox.attempts = 0 THEN @now ELSE outbox.first_tried_at END, parked_until = NULL
                    FROM due WHERE outbox.key = due.key
                    RETURNING {string.Join(", ", StepColumns.Split(", ").Select(c => "outbox." + c))}, outbox.ord
                    """,
                    transaction,
                    ("now", Ticks(now)),
                    ("max", max),
                    ("owner", owner),
                    ("until", Ticks(now + lease)));
                var leased = new List<(OutboxStep Step, long Order)>();
                await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var step = ReadStep(reader);
                        _fences[step.Key] = reader.GetInt64(14);
                        leased.Add((step, reader.GetInt64(16)));
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return [.. leased.OrderBy(l => l.Step.DueAt).ThenBy(l => l.Order).Select(l => l.Step)];
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task CompleteStepAsync(string key, IReadOnlyDictionary<string, string> links, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(links);
        return SettleAsync(
            key,
            "status = 'Done', completed_at = @now, lease_owner = NULL, lease_until = NULL, failing_since = NULL, held = false",
            [("now", Ticks(now))],
            links,
            forget: true,
            Followers.Wake, cancellationToken);
    }

    /// <inheritdoc />
    public Task RetryStepAsync(string key, string error, DateTimeOffset retryAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(error);
        return SettleAsync(
            key,
            $"status = 'Pending', last_error = @error, due_at = @due, lease_owner = NULL, lease_until = NULL, failing_since = coalesce(failing_since, @clock), held = (kind NOT IN ({HoldNothing}))",
            [("error", error), ("due", Ticks(retryAt)), ("clock", Ticks(Now))],
            null,
            forget: false,
            Followers.Park, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeferStepAsync(string key, string reason, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(reason);
        return SettleAsync(
            key,
            "status = 'Pending', last_error = @error, due_at = @due, lease_owner = NULL, lease_until = NULL, failing_since = NULL, held = false",
            [("error", reason), ("due", Ticks(dueAt))],
            null,
            forget: false,
            Followers.Wake, cancellationToken);
    }

    /// <inheritdoc />
    public Task PaceStepAsync(string key, string reason, DateTimeOffset dueAt, bool sent, IReadOnlyDictionary<string, string> links, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(reason);
        ArgumentNullException.ThrowIfNull(links);
        return SettleAsync(
            key,
            $"status = 'Pending', last_error = @error, due_at = @due, lease_owner = NULL, lease_until = NULL, held = (kind NOT IN ({HoldNothing})){(sent ? "" : ", attempts = greatest(0, attempts - 1)")}",
            [("error", reason), ("due", Ticks(dueAt))],
            links,
            forget: false,
            Followers.Park, cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>The step row is touched only to check the fencing token, in the transaction that stores the links.</remarks>
    public Task NoteStepAsync(string key, IReadOnlyDictionary<string, string> links, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(links);
        return SettleAsync(key, "fence = fence", [], links, forget: false, Followers.Stay, cancellationToken);
    }

    /// <inheritdoc />
    public Task ReleaseStepAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return SettleAsync(
            key,
            "status = 'Pending', attempts = greatest(0, attempts - 1), lease_owner = NULL, lease_until = NULL",
            [],
            null,
            forget: false,
            Followers.Stay, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeadLetterStepAsync(string key, string error, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(error);
        return SettleAsync(
            key,
            "status = 'Dead', last_error = @error, completed_at = @now, lease_owner = NULL, lease_until = NULL, failing_since = NULL, held = false",
            [("error", error), ("now", Ticks(now))],
            null,
            forget: true,
            Followers.Wake, cancellationToken);
    }

    /// <inheritdoc />
    public IReadOnlyList<OutboxStep> GetSteps(OutboxStatus status) => Run(connection =>
    {
        using var command = Command(connection, $"SELECT {StepColumns} FROM outbox WHERE status = @status ORDER BY due_at, key", null, ("status", status.ToString()));
        using var reader = command.ExecuteReader();
        var steps = new List<OutboxStep>();
        while (reader.Read())
        {
            steps.Add(ReadStep(reader));
        }

        return steps;
    });

    /// <inheritdoc />
    /// <remarks>The earliest due time of a pending step, or the earliest lease expiry of an in-flight one (another instance may have died holding it).</remarks>
    public DateTimeOffset? NextDueAt(DateTimeOffset? after = null) => Run(connection =>
    {
        using var command = Command(
            connection,
            $"SELECT min({WakeOf()}) FROM outbox WHERE status IN ('Pending', 'InFlight') AND {WakeOf()} > @after",
            null,
            ("after", after is { } a ? Ticks(a) : long.MinValue));
        return command.ExecuteScalar() is long ticks ? At(ticks) : (DateTimeOffset?)null;
    });

    /// <summary>
    /// Changes one step in one transaction (with the links it learned), provided this instance's lease on it still
    /// stands: a step it leased must still carry its fencing token. <paramref name="forget"/>: the step ends here (done
    /// or dead), and its own links (<see cref="StepLinks"/>) go.
    /// </summary>
    private async Task SettleAsync(string key, string assignments, (string Name, object? Value)[] parameters, IReadOnlyDictionary<string, string>? links, bool forget, Followers followers, CancellationToken cancellationToken)
    {
        var fenced = _fences.TryGetValue(key, out var fence);
        await RunAsync(
            async connection =>
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                // A step that ends (done or dead) takes its own links with it, and its followers are parked or woken,
                // in the same statement.
                var change = $"UPDATE outbox SET {assignments} WHERE key = @key {(fenced ? "AND fence = @fence" : "")} RETURNING incident, ord, due_at, held";
                string[] more =
                [
                    .. forget ? ["d AS (DELETE FROM links USING s WHERE links.incident = s.incident AND starts_with(links.name, @own))"] : Array.Empty<string>(),
                    .. FollowersChange(followers) is { } f ? [f] : Array.Empty<string>(),
                ];
                await using var update = Command(
                    connection,
                    more.Length > 0 ? $"WITH s AS ({change}), {string.Join(", ", more)} SELECT incident FROM s" : change,
                    transaction,
                    [.. parameters, ("key", key), ("fence", fence), ("own", StepLinks.Prefix(key))]);
                if (await update.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not int incident)
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                    _fences.TryRemove(new KeyValuePair<string, long>(key, fence));
                    throw await RefusalAsync(connection, key, fence, cancellationToken).ConfigureAwait(false);
                }

                var kept = links?.Where(l => !forget || !l.Key.StartsWith(StepLinks.Prefix(key), StringComparison.Ordinal)).ToList() ?? [];
                if (kept.Count > 0)
                {
                    await using var batch = new NpgsqlBatch(connection, transaction);
                    foreach (var (name, value) in kept)
                    {
                        batch.BatchCommands.Add(BatchCommand(
                            "INSERT INTO links (incident, name, value) VALUES ($1, $2, $3) ON CONFLICT (incident, name) DO UPDATE SET value = excluded.value",
                            incident, name, value));
                    }

                    await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);
        if (forget && fenced)
        {
            _fences.TryRemove(new KeyValuePair<string, long>(key, fence));
        }
    }

    /// <summary>
    /// What a settle does to the later pending steps of its incident that wait for it (not timers and pages, which run
    /// when due): a step that is now held (failed, or waiting its turn) parks them until its new due time — none can run
    /// before — so leases stop reading them; a step that ends, or no longer holds, wakes them. Parking only spares
    /// reads: the lease still checks every holder, so a follower parked too early or woken too soon waits all the same.
    /// </summary>
    private enum Followers
    {
        Stay,
        Park,
        Wake,
    }

    private static string? FollowersChange(Followers followers) => followers switch
    {
        Followers.Park => $"f AS (UPDATE outbox x SET parked_until = greatest(x.parked_until, s.due_at) FROM s WHERE s.held AND x.incident = s.incident AND x.ord > s.ord AND x.status = 'Pending' AND x.kind NOT IN ({RunWhenDue}))",
        Followers.Wake => "f AS (UPDATE outbox x SET parked_until = NULL FROM s WHERE x.incident = s.incident AND x.ord > s.ord AND x.status = 'Pending' AND x.parked_until IS NOT NULL)",
        _ => null,
    };

    /// <summary>Why a settle changed nothing: no such step, or another lease holds it now.</summary>
    private static async Task<Exception> RefusalAsync(NpgsqlConnection connection, string key, long fence, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, "SELECT lease_owner, fence, status FROM outbox WHERE key = @key", null, ("key", key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return new KeyNotFoundException($"There is no outbox step '{key}'.");
        }

        var owner = reader.IsDBNull(0) ? "no one" : reader.GetString(0);
        return new LeaseLostException(key, fence, reader.GetInt64(1), owner, reader.GetString(2));
    }

    private static OutboxStep ReadStep(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt32(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        At(reader.GetInt64(5)),
        Enum.Parse<OutboxStatus>(reader.GetString(6)),
        reader.GetInt32(7),
        reader.IsDBNull(8) ? null : reader.GetString(8),
        reader.IsDBNull(9) ? null : reader.GetString(9),
        reader.IsDBNull(10) ? null : At(reader.GetInt64(10)),
        At(reader.GetInt64(11)),
        reader.IsDBNull(12) ? null : At(reader.GetInt64(12)),
        reader.IsDBNull(13) ? null : At(reader.GetInt64(13)),
        reader.IsDBNull(15) ? null : At(reader.GetInt64(15)));
}
