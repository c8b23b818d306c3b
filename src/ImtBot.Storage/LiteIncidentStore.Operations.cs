using ImtBot.Core.Events;
using ImtBot.Storage.Documents;
using ImtBot.Storage.Integrity;
using LiteDB;

namespace ImtBot.Storage;

public sealed partial class LiteIncidentStore
{
    /// <summary>Recomputes an incident's hash chain from its stored events (the audit endpoint and the verify verb).</summary>
    public ChainVerification Verify(int number) => ChainAudit.VerifyIncident(Db, number);

    /// <summary>
    /// Backs the database up to <paramref name="path"/>: pauses the writer, checkpoints (the log is empty and the data
    /// file fsynced), copies the data file through a shared read, fsyncs the copy, resumes; then opens the copy
    /// read-only and verifies it (counts equal to the live store's at the copy, every chain holds).
    /// </summary>
    public async Task<BackupReport> BackupAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var target = System.IO.Path.GetFullPath(path);
        if (string.Equals(target, Path, StringComparison.Ordinal))
        {
            throw new ArgumentException("The backup must go to another file than the database itself.", nameof(path));
        }

        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
        var counts = await _writer.Enqueue(
            db =>
            {
                db.Checkpoint();
                var counts = Collections.All.ToDictionary(c => c, c => db.GetCollection(c).Count());
                CopyDurably(Path, target);
                return counts;
            },
            null,
            exclusive: true,
            cancellationToken).ConfigureAwait(false);

        var report = VerifyFile(target);
        var problems = report.Problems.ToList();
        foreach (var (collection, expected) in counts)
        {
            var found = report.Counts.GetValueOrDefault(collection);
            if (found != expected)
            {
                problems.Add($"the copy holds {found} {collection} documents, the store held {expected}");
            }
        }

        return report with { Problems = problems };
    }

    /// <summary>Opens a database file (a backup) read-only, counts its collections and verifies every chain.</summary>
    public static BackupReport VerifyFile(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            return new BackupReport(full, 0, new Dictionary<string, int>(), 0, [$"there is no file at {full}"]);
        }

        try
        {
            using var db = new LiteDatabase(new ConnectionString { Filename = full, Connection = ConnectionType.Direct, ReadOnly = true });
            var (counts, incidents, problems) = ChainAudit.VerifyDatabase(db);
            return new BackupReport(full, new FileInfo(full).Length, counts, incidents, problems);
        }
        catch (Exception e) when (e is LiteException or IOException or InvalidCastException)
        {
            return new BackupReport(full, new FileInfo(full).Length, new Dictionary<string, int>(), 0, [$"the file cannot be read as a database: {e.Message}"]);
        }
    }

    private static void CopyDurably(string source, string target)
    {
        var temporary = target + ".partial";
        using (var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var to = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            from.CopyTo(to);
            to.Flush(flushToDisk: true);
        }

        // A stale log beside the copy would be replayed into it on open (LiteDB #1925).
        var log = System.IO.Path.Combine(
            System.IO.Path.GetDirectoryName(target)!,
            System.IO.Path.GetFileNameWithoutExtension(target) + "-log" + System.IO.Path.GetExtension(target));
        File.Delete(log);
        File.Move(temporary, target, overwrite: true);
    }
}
