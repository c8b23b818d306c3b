namespace ImtBot.Storage;

/// <summary>
/// What a backup (or a verification of a database file) found: document counts per collection, the incidents whose
/// chain does not hold (with the first broken sequence), and whether the counts match the live store's at the copy.
/// </summary>
public sealed record BackupReport(
    string Path,
    long Bytes,
    IReadOnlyDictionary<string, int> Counts,
    int IncidentsVerified,
    IReadOnlyList<string> Problems)
{
    public bool Valid => Problems.Count == 0;
}
