namespace ImtBot.Storage;

/// <summary>Where and how the incident store keeps its LiteDB file (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The database file; its folder is created.</summary>
    /// <value>The default is <c>data/imtbot.db</c>.</value>
    public string Path { get; set; } = "data/imtbot.db";

    /// <summary>
    /// What makes a commit durable before it completes, so an acknowledged command survives a power loss: it survives
    /// power loss like a checkpoint, but the fsync is pipelined off the writer thread and LiteDB keeps its page cache,
    /// so declarations under load are acknowledged faster (bench/RESULTS-declare.md). Where the log cannot be fsynced
    /// through a second handle (Windows) it falls back to <see cref="DurabilityMode.Checkpoint"/>.
    /// <see cref="DurabilityMode.None"/> is only for measuring the cost (docs/reliability.md §Durability).
    /// </summary>
    /// <value>The default is <see cref="DurabilityMode.SyncLog"/>.</value>
    public DurabilityMode Durability { get; set; } = DurabilityMode.SyncLog;

    /// <summary>The most work items the writer applies together under one checkpoint.</summary>
    /// <value>The default is 256.</value>
    public int MaxBatch { get; set; } = 256;

    /// <summary>How many of the last links of every open incident are verified at open.</summary>
    /// <value>The default is 32.</value>
    public int StartupVerifyDepth { get; set; } = 32;

    /// <summary>
    /// How long a command's dedupe key (Slack trigger or event id, Teams activity id) is remembered, counted in the
    /// store's running time: a redelivery within it is answered with the first reply and changes nothing. Platforms
    /// redeliver within minutes.
    /// </summary>
    /// <value>The default is 7 days.</value>
    public TimeSpan InboxWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Below this many free bytes on the database's disk, new commands are refused (503, nothing written) and
    /// <c>/readyz</c> is 503, so the writes already under way (outbox steps, settings) still fit and a full disk does not
    /// leave the store failing every write half-way. 0 turns the check off.
    /// </summary>
    /// <value>The default is 64 MiB.</value>
    public long MinFreeBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Where incidents are kept: <see cref="StorageProvider.LiteDB"/>, one file owned by one process, or
    /// <see cref="StorageProvider.PostgreSQL"/>, one database shared by several instances (<see cref="ConnectionString"/>).
    /// </summary>
    /// <value>The default is <see cref="StorageProvider.LiteDB"/>.</value>
    public StorageProvider Provider { get; set; } = StorageProvider.LiteDB;

    /// <summary>
    /// The Npgsql connection string when <see cref="Provider"/> is PostgreSQL, e.g.
    /// <c>Host=db;Database=imtbot;Username=imtbot;Password=…</c>. Unused for LiteDB.
    /// </summary>
    /// <value>The default is empty.</value>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// On PostgreSQL, how long a role one instance holds (the Socket Mode connection) stays its own without a renewal:
    /// when that instance dies, another takes the role after at most this long. Renewed every third of it, so a
    /// database pause longer than that costs the holder the role. Instances' clocks must agree to well under it.
    /// </summary>
    /// <value>The default is 15 seconds; between 3 seconds and 10 minutes.</value>
    public TimeSpan LeaderLease { get; set; } = TimeSpan.FromSeconds(15);
}
