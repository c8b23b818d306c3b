using System.Diagnostics;
using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Ports;
using Npgsql;
using NpgsqlTypes;

namespace ImtBot.Storage.Postgres;

public sealed partial class PostgresIncidentStore
{
    /// <inheritdoc />
    /// <remarks>
    /// One transaction: the inbox key is inserted first (a key another instance committed makes this a duplicate; one
    /// it is committing right now makes this wait for its outcome), then the incident's row is locked and its version
    /// compared, the events are chained onto its stored head, the snapshot and the steps written. A conflict or a
    /// duplicate rolls everything back. The commit returns once PostgreSQL has made it durable.
    /// </remarks>
    public async Task<CommitResult> CommitAsync(CommitRequest request, CancellationToken cancellationToken = default)
    {
        Validate(request);
        var started = Stopwatch.GetTimestamp();
        var now = Now;
        var result = await RunAsync(
            async connection =>
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var outcome = await ApplyAsync(connection, transaction, request, now, cancellationToken).ConfigureAwait(false);
                if (outcome.Status == CommitStatus.Committed)
                {
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                }

                return outcome;
            },
            cancellationToken).ConfigureAwait(false);
        Time(Meters, started);
        return result;
    }

    /// <inheritdoc />
    public InboxReply? FindInboxReply(string inboxKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(inboxKey);
        return Run(connection =>
        {
            using var command = Command(connection, "SELECT reply, accepted FROM inbox WHERE key = @key AND at >= @since", null, ("key", inboxKey), ("since", Ticks(Now - _inboxWindow)));
            using var reader = command.ExecuteReader();
            return reader.Read() ? new InboxReply(reader.GetString(0), reader.GetBoolean(1)) : null;
        });
    }

    /// <inheritdoc />
    public int NextIncidentNumber() => Run(connection =>
    {
        // Alert pages' streams are below zero: with only those stored, the first incident is still 1.
        using var command = Command(connection, "SELECT coalesce(max(number), 0) + 1 FROM incidents WHERE number > 0");
        return (int)command.ExecuteScalar()!;
    });

    /// <inheritdoc />
    /// <remarks>From the <c>incident_number</c> sequence: unique across every instance, never reused.</remarks>
    public int ReserveIncidentNumber() => Run(connection =>
    {
        using var command = Command(connection, "SELECT nextval('incident_number')");
        return checked((int)(long)command.ExecuteScalar()!);
    });

    /// <inheritdoc />
    public string? GetSetting(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);

        // Not cached: another instance may have set it a moment ago.
        return Run(connection =>
        {
            using var command = Command(connection, "SELECT value FROM settings WHERE key = @key", null, ("key", key));
            return command.ExecuteScalar() as string;
        });
    }

    /// <inheritdoc />
    /// <remarks>One statement for all the keys, not one a key: on the declaration path, each is a pool round trip.</remarks>
    public IReadOnlyDictionary<string, string> GetSettings(IReadOnlyCollection<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        foreach (var key in keys)
        {
            ArgumentException.ThrowIfNullOrEmpty(key);
        }

        return Run(connection =>
        {
            using var command = Command(connection, "SELECT key, value FROM settings WHERE key = ANY(@keys)", null, ("keys", keys.ToArray()));
            using var reader = command.ExecuteReader();
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            while (reader.Read())
            {
                values[reader.GetString(0)] = reader.GetString(1);
            }

            return values;
        });
    }

    /// <inheritdoc />
    public Task SetSettingAsync(string key, string value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(value);

        // Writes reach the database in any order: the stamp, taken now, lets the one called last win (across
        // instances, the one called latest by the clock).
        var stamp = NextSettingStamp();
        return RunAsync(
            async connection =>
            {
                await using var command = Command(
                    connection,
                    "INSERT INTO settings (key, value, at) VALUES (@key, @value, @at) ON CONFLICT (key) DO UPDATE SET value = excluded.value, at = excluded.at WHERE settings.at < excluded.at",
                    null,
                    ("key", key),
                    ("value", value),
                    ("at", stamp));
                return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <summary>The clock's ticks, strictly increasing within this process.</summary>
    private long NextSettingStamp()
    {
        while (true)
        {
            var last = Interlocked.Read(ref _settingStamp);
            var next = Math.Max(Ticks(Now), last + 1);
            if (Interlocked.CompareExchange(ref _settingStamp, next, last) == last)
            {
                return next;
            }
        }
    }

    private async Task<CommitResult> ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CommitRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (request.InboxKey is { } key)
        {
            // A key older than the inbox window is forgotten: it is taken again, as the LiteDB store forgets it.
            await using var insert = Command(
                connection,
                """
                INSERT INTO inbox (key, reply, accepted, incident, at) VALUES (@key, @reply, @accepted, @incident, @at)
                ON CONFLICT (key) DO UPDATE SET reply = excluded.reply, accepted = excluded.accepted, incident = excluded.incident, at = excluded.at
                WHERE inbox.at < @since
                """,
                transaction,
                ("key", key),
                ("reply", request.Reply),
                ("accepted", request.Accepted),
                ("incident", request.Incident),
                ("at", Ticks(now)),
                ("since", Ticks(now - _inboxWindow)));
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                await using var seen = Command(connection, "SELECT reply, accepted FROM inbox WHERE key = @key", transaction, ("key", key));
                await using var reader = await seen.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                return new CommitResult(CommitStatus.Duplicate, reader.GetString(0), reader.GetBoolean(1));
            }
        }

        if (request.Incident == 0)
        {
            // No stream to chain onto: only the inbox entry and host-level steps (schedules) are written.
            await using var steps = new NpgsqlBatch(connection, transaction);
            AddSteps(steps, request, now);
            if (steps.BatchCommands.Count > 0)
            {
                await steps.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            return new CommitResult(CommitStatus.Committed, request.Reply, request.Accepted);
        }

        (long Version, string Head)? stored = null;
        await using (var locked = Command(connection, "SELECT version, head FROM incidents WHERE number = @n FOR UPDATE", transaction, ("n", request.Incident)))
        await using (var reader = await locked.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                stored = (reader.GetInt64(0), reader.GetString(1));
            }
        }

        var fresh = request.ExpectedVersion == 0 ? stored is null : stored is { } s && s.Version == request.ExpectedVersion;
        if (!fresh)
        {
            return new CommitResult(CommitStatus.Conflict);
        }

        if (request.Events.Count > 0 && request.Events[0].PreviousHash != (stored?.Head ?? EventChain.GenesisHash))
        {
            throw new InvalidOperationException(
                $"Event INC-{request.Incident} sequence {request.Events[0].Sequence} does not chain onto the stored head; nothing was committed.");
        }

        if (request.Snapshot is { } snapshot && !await WriteSnapshotAsync(connection, transaction, snapshot, exists: stored is not null, cancellationToken).ConfigureAwait(false))
        {
            // Another instance declared the same number a moment ago.
            return new CommitResult(CommitStatus.Conflict);
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var e in request.Events)
        {
            batch.BatchCommands.Add(BatchCommand(
                "INSERT INTO events (incident, seq, at, actor_platform, actor_id, actor_name, type, data, prev, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                e.Incident, e.Sequence, Ticks(e.At), e.Actor.Platform, e.Actor.Id, e.Actor.DisplayName, e.Type, EventChain.SerializeData(e.Data), e.PreviousHash, e.Hash));
        }

        AddSteps(batch, request, now);
        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return new CommitResult(CommitStatus.Committed, request.Reply, request.Accepted);
    }

    /// <summary>
    /// A commit's steps as one statement, whatever their number (a declaration makes a dozen): PostgreSQL parses,
    /// plans and executes once instead of once a step, most of what a step cost it. <c>ord</c> is still taken from the
    /// sequence in the order the steps were listed: PostgreSQL evaluates a volatile output column after the ORDER BY.
    /// A step that waits for its incident's earlier steps starts parked behind a held one (until its due time), as the
    /// settle that held it parked the steps there were then.
    /// </summary>
    private static void AddSteps(NpgsqlBatch batch, CommitRequest request, DateTimeOffset now)
    {
        if (request.Steps.Count == 0)
        {
            return;
        }

        var steps = request.Steps;
        batch.BatchCommands.Add(BatchCommand(
            $"""
            INSERT INTO outbox (key, ord, incident, platform, kind, urgent, payload, due_at, status, created_at, parked_until)
            SELECT s.key, nextval('outbox_order'), s.incident, s.platform, s.kind, s.urgent, s.payload, s.due_at, 'Pending', $8,
                CASE WHEN s.kind IN ({RunWhenDue}) THEN NULL
                     ELSE (SELECT max(h.due_at) FROM outbox h WHERE h.incident = s.incident AND h.held AND h.status = 'Pending') END
            FROM unnest($1::text[], $2::integer[], $3::text[], $4::text[], $5::boolean[], $6::text[], $7::bigint[])
                WITH ORDINALITY AS s (key, incident, platform, kind, urgent, payload, due_at, n)
            ORDER BY s.n
            """,
            steps.Select(s => s.Key).ToArray(),
            steps.Select(s => s.Incident).ToArray(),
            steps.Select(s => s.Platform).ToArray(),
            steps.Select(s => s.Kind).ToArray(),
            steps.Select(s => IsUrgent(s.Kind)).ToArray(),
            steps.Select(s => s.Payload).ToArray(),
            steps.Select(s => Ticks(s.DueAt)).ToArray(),
            Ticks(now)));
    }

    private static async Task<bool> WriteSnapshotAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IncidentSnapshot s, bool exists, CancellationToken cancellationToken)
    {
        var sql = exists
            ? """
              UPDATE incidents SET version = @version, title = @title, severity = @severity, kind = @kind, status = @status, open = @open,
                  platform = @platform, declared_at = @declared, resolved_at = @resolved, closed_at = @closed, head = @head
              WHERE number = @number
              """
            : """
              INSERT INTO incidents (number, version, title, severity, kind, status, open, platform, declared_at, resolved_at, closed_at, head)
              VALUES (@number, @version, @title, @severity, @kind, @status, @open, @platform, @declared, @resolved, @closed, @head)
              ON CONFLICT (number) DO NOTHING
              """;
        await using var command = Command(
            connection,
            sql,
            transaction,
            ("number", s.Number),
            ("version", s.Version),
            ("title", s.Title),
            ("severity", s.Severity),
            ("kind", s.Kind.ToString()),
            ("status", s.Status.ToString()),
            ("open", !IncidentLifecycle.IsFinal(s.Status)),
            ("platform", s.Platform),
            ("declared", Ticks(s.DeclaredAt)),
            ("resolved", DbTicks(s.ResolvedAt)),
            ("closed", DbTicks(s.ClosedAt)),
            ("head", s.Head));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private static NpgsqlBatchCommand BatchCommand(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return command;
    }

    /// <summary>
    /// The LiteDB store's checks (one rule for both engines), and here also each event's own hash and link: a caller bug,
    /// not a user mistake, found before anything is sent.
    /// </summary>
    private static void Validate(CommitRequest request)
    {
        ImtBot.Storage.Writer.CommitWork.Validate(request);
        var previous = request.Events.Count > 0 ? request.Events[0].PreviousHash : null;
        foreach (var e in request.Events)
        {
            if (e.PreviousHash != previous || EventChain.Hash(e.PreviousHash, EventChain.Canonical(e)) != e.Hash)
            {
                throw new ArgumentException($"Event INC-{e.Incident} sequence {e.Sequence} does not hold its own hash or link; nothing was committed.", nameof(request));
            }

            previous = e.Hash;
        }
    }
}
