using Microsoft.Extensions.Options;

namespace ImtBot.Storage;

/// <summary>Checks the <c>Storage</c> section and lists every problem at once, each saying what would work.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var problems = Problems(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>
    /// Throws an <see cref="ArgumentException"/> listing every problem: the store is also opened outside the host (the
    /// CLI verbs, tests), where nothing else validates its options.
    /// </summary>
    public static void ThrowIfInvalid(StorageOptions options)
    {
        var problems = Problems(options);
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid storage options: " + string.Join("; ", problems));
        }
    }

    private static List<string> Problems(StorageOptions options)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(options.Provider))
        {
            problems.Add($"Storage:Provider must be LiteDB or PostgreSQL (was {options.Provider})");
        }
        else if (options.Provider == StorageProvider.PostgreSQL && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            problems.Add("Storage:ConnectionString must be set when Storage:Provider is PostgreSQL, e.g. Host=db;Database=imtbot;Username=imtbot;Password=…");
        }

        var path = options.Path;
        if (string.IsNullOrWhiteSpace(path))
        {
            problems.Add("Storage:Path must name a database file, e.g. data/imtbot.db");
        }
        else if (path.EndsWith('/') || path.EndsWith('\\') || Directory.Exists(path))
        {
            problems.Add($"Storage:Path '{path}' is a folder; name a file inside it, e.g. {Path.Combine(path, "imtbot.db")}");
        }

        if (!Enum.IsDefined(options.Durability))
        {
            problems.Add($"Storage:Durability must be Checkpoint, SyncLog or None (was {options.Durability})");
        }

        if (options.LeaderLease < TimeSpan.FromSeconds(3) || options.LeaderLease > TimeSpan.FromMinutes(10))
        {
            problems.Add($"Storage:LeaderLease must be between 00:00:03 and 00:10:00 (was {options.LeaderLease}), e.g. 00:00:15");
        }

        if (options.MaxBatch is < 1 or > 10_000)
        {
            problems.Add($"Storage:MaxBatch must be between 1 and 10000 (was {options.MaxBatch})");
        }

        if (options.StartupVerifyDepth is < 1 or > 1_000_000)
        {
            problems.Add($"Storage:StartupVerifyDepth must be between 1 and 1000000 (was {options.StartupVerifyDepth})");
        }

        if (options.InboxWindow < TimeSpan.FromMinutes(10) || options.InboxWindow > TimeSpan.FromDays(3650))
        {
            problems.Add($"Storage:InboxWindow must be between 00:10:00 and 3650.00:00:00 (was {options.InboxWindow})");
        }

        if (options.MinFreeBytes < 0)
        {
            problems.Add($"Storage:MinFreeBytes must be 0 (off) or more (was {options.MinFreeBytes})");
        }

        return problems;
    }
}
