namespace ImtBot.Storage;

/// <summary>Where and how the incident store keeps its LiteDB file (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The database file; its folder is created. <value>The default is <c>data/imtbot.db</c>.</value></summary>
    public string Path { get; set; } = "data/imtbot.db";

    /// <summary>
    /// What makes a commit durable before it completes, so an acknowledged command survives a power loss.
    /// <value>The default is <see cref="DurabilityMode.SyncLog"/></value>: it survives power loss like a checkpoint, but the
    /// fsync is pipelined off the writer thread and LiteDB keeps its page cache, so declarations under load are
    /// acknowledged faster (bench/RESULTS-declare.md). Where the log cannot be fsynced through a second handle (Windows)
    /// it falls back to <see cref="DurabilityMode.Checkpoint"/>. <see cref="DurabilityMode.None"/> is only for measuring
    /// the cost.
    /// </summary>
    public DurabilityMode Durability { get; set; } = DurabilityMode.SyncLog;

    /// <summary>The most work items the writer applies together under one checkpoint. <value>The default is 256.</value></summary>
    public int MaxBatch { get; set; } = 256;

    /// <summary>How many of the last links of every open incident are verified at open. <value>The default is 32.</value></summary>
    public int StartupVerifyDepth { get; set; } = 32;

    /// <summary>
    /// How long a command's dedupe key (Slack trigger or event id, Teams activity id) is remembered, counted in the
    /// store's running time: a redelivery within it is answered with the first reply and changes nothing. Platforms
    /// redeliver within minutes. <value>The default is 7 days.</value>
    /// </summary>
    public TimeSpan InboxWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The problems with these options, empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Path))
        {
            problems.Add("Storage:Path must name a database file, e.g. data/imtbot.db");
        }
        else if (Path.EndsWith('/') || Path.EndsWith('\\') || Directory.Exists(Path))
        {
            problems.Add($"Storage:Path '{Path}' is a folder; name a file inside it, e.g. {System.IO.Path.Combine(Path, "imtbot.db")}");
        }

        if (!Enum.IsDefined(Durability))
        {
            problems.Add($"Storage:Durability must be Checkpoint, SyncLog or None (was {Durability})");
        }

        if (MaxBatch is < 1 or > 10_000)
        {
            problems.Add($"Storage:MaxBatch must be between 1 and 10000 (was {MaxBatch})");
        }

        if (StartupVerifyDepth is < 1 or > 1_000_000)
        {
            problems.Add($"Storage:StartupVerifyDepth must be between 1 and 1000000 (was {StartupVerifyDepth})");
        }

        if (InboxWindow < TimeSpan.FromMinutes(10) || InboxWindow > TimeSpan.FromDays(3650))
        {
            problems.Add($"Storage:InboxWindow must be between 00:10:00 and 3650.00:00:00 (was {InboxWindow})");
        }

        return problems;
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem.</summary>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid storage options: " + string.Join("; ", problems));
        }
    }
}
