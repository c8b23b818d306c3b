using ImtBot.Core.Events;
using ImtBot.Core.Incidents;
using ImtBot.Core.Platforms;
using ImtBot.Core.Ports;
using Npgsql;

namespace ImtBot.Storage.Postgres;

public sealed partial class PostgresIncidentStore
{
    private const string SnapshotColumns = "number, version, title, severity, kind, status, platform, declared_at, resolved_at, closed_at, head";

    /// <inheritdoc />
    public IncidentSnapshot? FindIncident(int number) =>
        Snapshots($"SELECT {SnapshotColumns} FROM incidents WHERE number = @n", ("n", number)).FirstOrDefault();

    /// <inheritdoc />
    public IReadOnlyList<IncidentSnapshot> ListIncidents(bool openOnly) =>
        // Streams below zero are alert pages (Core.Alerts.Pages.AlertPageKey), not incidents.
        Snapshots($"SELECT {SnapshotColumns} FROM incidents WHERE number > 0 {(openOnly ? "AND open" : "")} ORDER BY number");

    /// <inheritdoc />
    public IReadOnlyList<IncidentSnapshot> ListIncidents(DateTimeOffset from, DateTimeOffset to) =>
        to <= from
            ? []
            : Snapshots($"SELECT {SnapshotColumns} FROM incidents WHERE number > 0 AND declared_at >= @from AND declared_at < @to ORDER BY declared_at, number", ("from", Ticks(from)), ("to", Ticks(to)));

    /// <inheritdoc />
    public IReadOnlyList<IncidentEvent> GetEvents(int number) => [.. ReadEventRows(number).Select(r => r.ToEvent())];

    /// <inheritdoc />
    /// <remarks>One range of the primary key: only the new events are read.</remarks>
    public IReadOnlyList<IncidentEvent> GetEventsAfter(int number, long after) =>
        after == long.MaxValue ? [] : [.. ReadEventRows(number, after).Select(r => r.ToEvent())];

    /// <inheritdoc />
    public IReadOnlyList<int> ListAlertPages() => Run(connection =>
    {
        using var command = Command(connection, "SELECT -number FROM incidents WHERE number < 0 ORDER BY 1");
        using var reader = command.ExecuteReader();
        var pages = new List<int>();
        while (reader.Read())
        {
            pages.Add(reader.GetInt32(0));
        }

        return pages;
    });

    /// <inheritdoc />
    public int? FindIncidentByChannel(ChannelRef channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return Run(connection =>
        {
            using var command = Command(connection, "SELECT incident FROM links WHERE name = @name AND value = @value ORDER BY incident LIMIT 1", null, ("name", channel.Platform + ":channel"), ("value", channel.Id));
            return command.ExecuteScalar() is int incident ? incident : (int?)null;
        });
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> GetLinks(int incident) => Run(connection =>
    {
        using var command = Command(connection, "SELECT name, value FROM links WHERE incident = @n", null, ("n", incident));
        using var reader = command.ExecuteReader();
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            links[reader.GetString(0)] = reader.GetString(1);
        }

        return links;
    });

    private List<IncidentSnapshot> Snapshots(string sql, params (string Name, object? Value)[] parameters) => Run(connection =>
    {
        using var command = Command(connection, sql, null, parameters);
        using var reader = command.ExecuteReader();
        var found = new List<IncidentSnapshot>();
        while (reader.Read())
        {
            found.Add(new IncidentSnapshot(
                reader.GetInt32(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetInt32(3),
                Enum.Parse<IncidentKind>(reader.GetString(4)),
                Enum.Parse<IncidentStatus>(reader.GetString(5)),
                reader.GetString(6),
                At(reader.GetInt64(7)),
                reader.IsDBNull(8) ? null : At(reader.GetInt64(8)),
                reader.IsDBNull(9) ? null : At(reader.GetInt64(9)),
                reader.GetString(10)));
        }

        return found;
    });

    private List<EventRow> ReadEventRows(int number, long after = 0) => Run(connection =>
    {
        using var command = Command(connection, "SELECT incident, seq, at, actor_platform, actor_id, actor_name, data, prev, hash FROM events WHERE incident = @n AND seq > @after ORDER BY seq", null, ("n", number), ("after", after));
        using var reader = command.ExecuteReader();
        var rows = new List<EventRow>();
        while (reader.Read())
        {
            rows.Add(new EventRow(
                reader.GetInt32(0),
                reader.GetInt64(1),
                reader.GetInt64(2),
                new UserRef(reader.GetString(3), reader.GetString(4), reader.GetString(5)),
                reader.GetString(6),
                reader.GetString(7),
                reader.GetString(8)));
        }

        return rows;
    });

    /// <summary>An event as stored; its data is parsed only when asked, so the audit can say which one cannot be read.</summary>
    private sealed record EventRow(int Incident, long Sequence, long AtTicks, UserRef Actor, string Data, string Previous, string Hash)
    {
        public IncidentEvent ToEvent() => new(Incident, Sequence, At(AtTicks), Actor, EventChain.DeserializeData(Data), Previous, Hash);
    }
}
