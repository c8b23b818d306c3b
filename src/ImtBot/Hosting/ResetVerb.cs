using ImtBot.Storage;

namespace ImtBot.Hosting;

/// <summary>
/// <c>reset --yes</c>: deletes the local database (incidents, console chat, settings) to start afresh. Refuses without
/// <c>--yes</c>, and while the bot (or anything else) holds the database's lock: stop it first.
/// </summary>
internal static class ResetVerb
{
    public const string Confirm = "--yes";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var options = StorageExtensions.StorageOptionsFrom(CliVerbs.Configuration(args.Where(a => a != Confirm).ToArray()));
        if (options.Provider == StorageProvider.PostgreSQL)
        {
            // Several instances share that database: dropping it is the database administrator's call, not one instance's.
            stderr.WriteLine("imtbot reset deletes the local LiteDB file; the store is on PostgreSQL. To start afresh, stop every instance, drop and create the database (dropdb, createdb): ImtBot migrates an empty one at start.");
            return CliVerbs.Usage;
        }

        var path = Path.GetFullPath(options.Path);
        if (!args.Contains(Confirm))
        {
            stderr.WriteLine($"imtbot reset deletes every incident, console message and setting in {path}. Run it again with {Confirm} to do so.");
            return CliVerbs.Usage;
        }

        var deleted = DatabaseFiles.Delete(options);
        stdout.WriteLine(deleted.Count == 0 ? $"Nothing to reset: there is no database at {path}." : $"Reset: deleted {string.Join(", ", deleted)}.");
        return CliVerbs.Ok;
    }
}
