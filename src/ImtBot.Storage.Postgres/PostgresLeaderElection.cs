using ImtBot.Core.Ports;
using Npgsql;

namespace ImtBot.Storage.Postgres;

/// <summary>
/// Roles held through a lease row in <c>leases</c>: taken when free or expired (the term, a fencing token, goes up
/// with every new holder), renewed every third of <see cref="Lease"/>, and lost when a renewal finds another holder or
/// cannot reach the database before the lease runs out. A holder that dies stops renewing, so another instance takes
/// the role once the lease has expired. Times are the instances' clocks (<see cref="TimeProvider"/>): keep them in
/// sync (NTP) to well under the lease.
/// </summary>
public sealed class PostgresLeaderElection(PostgresIncidentStore store, TimeProvider? time = null, TimeSpan? lease = null, string? owner = null) : ILeaderElection
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>How long a role stays held without a renewal.</summary>
    public TimeSpan Lease { get; } = lease ?? TimeSpan.FromSeconds(15);

    /// <summary>This instance's name in the lease row.</summary>
    public string Owner { get; } = owner ?? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task<ILeadership> AcquireAsync(string role, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(role);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (await TryTakeAsync(role, cancellationToken).ConfigureAwait(false) is { } term)
                {
                    return new Leadership(this, role, term, _time);
                }
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                // The database is away: try again like any other instance would.
            }

            await Task.Delay(Lease / 3, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Takes the role if it is free, expired or already ours; returns the new term, or null when another holds it.</summary>
    internal async Task<long?> TryTakeAsync(string role, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await using var command = store.Source.CreateCommand(
            """
            INSERT INTO leases (name, owner, until, fence) VALUES (@name, @owner, @until, 1)
            ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, until = excluded.until, fence = leases.fence + 1
            WHERE leases.until <= @now OR leases.owner = excluded.owner
            RETURNING fence
            """);
        command.Parameters.AddWithValue("name", role);
        command.Parameters.AddWithValue("owner", Owner);
        command.Parameters.AddWithValue("until", (now + Lease).UtcTicks);
        command.Parameters.AddWithValue("now", now.UtcTicks);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long fence ? fence : null;
    }

    /// <summary>Extends this term's lease; false when another holder has the role now.</summary>
    internal async Task<bool> RenewAsync(string role, long term, CancellationToken cancellationToken)
    {
        await using var command = store.Source.CreateCommand("UPDATE leases SET until = @until WHERE name = @name AND owner = @owner AND fence = @fence");
        command.Parameters.AddWithValue("until", (_time.GetUtcNow() + Lease).UtcTicks);
        command.Parameters.AddWithValue("name", role);
        command.Parameters.AddWithValue("owner", Owner);
        command.Parameters.AddWithValue("fence", term);
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>Hands the role back at once (expires the lease) so another instance need not wait it out.</summary>
    internal async Task ReleaseAsync(string role, long term)
    {
        await using var command = store.Source.CreateCommand("UPDATE leases SET until = 0 WHERE name = @name AND owner = @owner AND fence = @fence");
        command.Parameters.AddWithValue("name", role);
        command.Parameters.AddWithValue("owner", Owner);
        command.Parameters.AddWithValue("fence", term);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private sealed class Leadership : ILeadership
    {
        private readonly PostgresLeaderElection _election;
        private readonly string _role;
        private readonly TimeProvider _time;
        private readonly CancellationTokenSource _lost = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _renewing;

        public Leadership(PostgresLeaderElection election, string role, long term, TimeProvider time)
        {
            _election = election;
            _role = role;
            _time = time;
            Term = term;
            _renewing = RenewAsync();
        }

        public CancellationToken Lost => _lost.Token;

        public long Term { get; }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            await _renewing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (!_lost.IsCancellationRequested)
            {
                try
                {
                    await _election.ReleaseAsync(_role, Term).ConfigureAwait(false);
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException or ObjectDisposedException)
                {
                    // It expires on its own.
                }
            }

            await _lost.CancelAsync().ConfigureAwait(false);
            _lost.Dispose();
            _stop.Dispose();
        }

        /// <summary>Renews every third of the lease; gives the role up when a renewal is refused or none succeeded within the lease.</summary>
        private async Task RenewAsync()
        {
            var renewed = _time.GetUtcNow();
            try
            {
                while (true)
                {
                    await Task.Delay(_election.Lease / 3, _time, _stop.Token).ConfigureAwait(false);
                    try
                    {
                        if (!await _election.RenewAsync(_role, Term, _stop.Token).ConfigureAwait(false))
                        {
                            break;
                        }

                        renewed = _time.GetUtcNow();
                    }
                    catch (ObjectDisposedException)
                    {
                        break; // the store is closed: this instance is going away
                    }
                    catch (Exception e) when (e is NpgsqlException or TimeoutException)
                    {
                        // Stop before the lease runs out, while another instance may not have taken it yet.
                        if (_time.GetUtcNow() - renewed >= _election.Lease * 2 / 3)
                        {
                            break;
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }

            await _lost.CancelAsync().ConfigureAwait(false);
        }
    }
}
