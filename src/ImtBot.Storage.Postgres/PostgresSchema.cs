using Npgsql;

namespace ImtBot.Storage.Postgres;

/// <summary>
/// The schema, as numbered migrations applied at start-up: each runs once, in its own transaction, recorded in
/// <c>imtbot_schema</c>. Instances starting at once take a session advisory lock first, so one migrates and the others
/// wait, then find every version applied. Never edit a migration that has shipped: add the next one.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>The advisory lock key that serialises migrations ("imtbot" as a number).</summary>
    public const long MigrationLock = 0x696D74626F74;

    public static readonly string[] Migrations =
    [
        // 1: the incident log, inbox, outbox, links, settings, the host's documents and named leases.
        """
        CREATE SEQUENCE incident_number;
        CREATE TABLE incidents (
            number integer PRIMARY KEY,
            version bigint NOT NULL,
            title text NOT NULL,
            severity integer NOT NULL,
            kind text NOT NULL,
            status text NOT NULL,
            open boolean NOT NULL,
            platform text NOT NULL,
            declared_at bigint NOT NULL,
            resolved_at bigint,
            closed_at bigint,
            head text NOT NULL);
        CREATE INDEX incidents_open ON incidents (number) WHERE open;
        CREATE INDEX incidents_declared ON incidents (declared_at);
        CREATE TABLE events (
            incident integer NOT NULL,
            seq bigint NOT NULL,
            at bigint NOT NULL,
            actor_platform text NOT NULL,
            actor_id text NOT NULL,
            actor_name text NOT NULL,
            type text NOT NULL,
            data text NOT NULL,
            prev text NOT NULL,
            hash text NOT NULL,
            PRIMARY KEY (incident, seq));
        CREATE TABLE inbox (
            key text COLLATE "C" PRIMARY KEY,
            reply text NOT NULL,
            accepted boolean NOT NULL,
            incident integer NOT NULL,
            at bigint NOT NULL);
        CREATE INDEX inbox_at ON inbox (at);
        CREATE SEQUENCE outbox_order;
        CREATE SEQUENCE outbox_fence;
        CREATE TABLE outbox (
            key text COLLATE "C" PRIMARY KEY,
            ord bigint NOT NULL,
            incident integer NOT NULL,
            platform text NOT NULL,
            kind text NOT NULL,
            urgent boolean NOT NULL,
            payload text NOT NULL,
            due_at bigint NOT NULL,
            status text NOT NULL,
            attempts integer NOT NULL DEFAULT 0,
            last_error text,
            lease_owner text,
            lease_until bigint,
            fence bigint NOT NULL DEFAULT 0,
            created_at bigint NOT NULL,
            completed_at bigint,
            failing_since bigint,
            held boolean NOT NULL DEFAULT false);
        CREATE INDEX outbox_wake ON outbox ((CASE WHEN status = 'Pending' THEN due_at ELSE lease_until END)) WHERE status IN ('Pending', 'InFlight');
        CREATE INDEX outbox_held ON outbox (incident, ord) WHERE held AND status IN ('Pending', 'InFlight');
        CREATE INDEX outbox_status ON outbox (status, due_at);
        CREATE TABLE links (
            incident integer NOT NULL,
            name text NOT NULL,
            value text NOT NULL,
            PRIMARY KEY (incident, name));
        CREATE INDEX links_value ON links (name, value);
        CREATE TABLE settings (
            key text COLLATE "C" PRIMARY KEY,
            value text NOT NULL,
            at bigint NOT NULL);
        CREATE TABLE documents (
            collection text NOT NULL,
            id text COLLATE "C" NOT NULL,
            num bigint,
            doc jsonb NOT NULL,
            PRIMARY KEY (collection, id));
        CREATE INDEX documents_num ON documents (collection, num);
        CREATE TABLE leases (
            name text PRIMARY KEY,
            owner text NOT NULL,
            until bigint NOT NULL,
            fence bigint NOT NULL);
        """,

        // 2: when a step was first leased, and the look-up for an incident's steps leased by another owner.
        """
        ALTER TABLE outbox ADD COLUMN first_tried_at bigint;
        CREATE INDEX outbox_leased ON outbox (incident, ord) WHERE status = 'InFlight';
        """,

        // 3: the lease's order (urgent kinds, then the earliest wake, then the order made), so a lease reads due steps
        // in that order and stops at its limit instead of sorting every due step first.
        """
        CREATE INDEX outbox_lease_order ON outbox (urgent DESC, (CASE WHEN status = 'Pending' THEN due_at ELSE lease_until END), ord) WHERE status IN ('Pending', 'InFlight');
        """,

        // 4: parking. A pending step behind an earlier held step of its incident (one that failed or waits its turn)
        // cannot run before that step's wake, so it sleeps until then (parked_until) and a lease does not read it again
        // and again; the wake indexes take it into account, and a settle finds an incident's pending steps by index.
        """
        ALTER TABLE outbox ADD COLUMN parked_until bigint;
        DROP INDEX outbox_wake;
        CREATE INDEX outbox_wake ON outbox ((CASE WHEN status = 'Pending' THEN greatest(due_at, parked_until) ELSE lease_until END)) WHERE status IN ('Pending', 'InFlight');
        DROP INDEX outbox_lease_order;
        CREATE INDEX outbox_lease_order ON outbox (urgent DESC, (CASE WHEN status = 'Pending' THEN greatest(due_at, parked_until) ELSE lease_until END), ord) WHERE status IN ('Pending', 'InFlight');
        CREATE INDEX outbox_pending ON outbox (incident, ord) WHERE status = 'Pending';
        """,
    ];

    /// <summary>The newest schema version this build knows.</summary>
    public static int Latest => Migrations.Length;

    /// <summary>Applies the migrations this database lacks; returns the versions applied now (none when it was current).</summary>
    public static IReadOnlyList<int> Migrate(NpgsqlDataSource source)
    {
        using var connection = source.OpenConnection();
        Execute(connection, null, $"SELECT pg_advisory_lock({MigrationLock})");
        try
        {
            Execute(connection, null, "CREATE TABLE IF NOT EXISTS imtbot_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
            var current = Scalar<int>(connection, "SELECT coalesce(max(version), 0) FROM imtbot_schema");
            if (current > Latest)
            {
                throw new StorageUnavailableException(
                    $"The database is at schema version {current}, newer than this ImtBot knows ({Latest}): run the newer ImtBot, or restore a backup taken before the upgrade.");
            }

            var applied = new List<int>();
            for (var version = current + 1; version <= Latest; version++)
            {
                using var transaction = connection.BeginTransaction();
                Execute(connection, transaction, Migrations[version - 1]);
                Execute(connection, transaction, $"INSERT INTO imtbot_schema (version) VALUES ({version})");
                transaction.Commit();
                applied.Add(version);
            }

            // Numbers committed without the sequence (an import) must not be handed out again.
            Execute(connection, null, "SELECT setval('incident_number', m) FROM (SELECT max(number) AS m FROM incidents) x WHERE m > (SELECT last_value FROM incident_number)");
            return applied;
        }
        finally
        {
            Execute(connection, null, $"SELECT pg_advisory_unlock({MigrationLock})");
        }
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private static T Scalar<T>(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType(command.ExecuteScalar()!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
