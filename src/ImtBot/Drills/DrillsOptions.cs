namespace ImtBot.Drills;

/// <summary>The <c>Drills</c> section: where the scenario files are and how often people should practise.</summary>
public sealed class DrillsOptions
{
    public const string SectionName = "Drills";

    /// <summary>The folder of scenario files (<c>*.yaml</c>).</summary>
    /// <value>The default is empty: the <c>drills/</c> folder beside the application (the repository's scenarios, copied by the build).</value>
    public string Path { get; set; } = "";

    /// <summary>How long a person may go without holding a role in a drill or incident before the commander pool is told.</summary>
    /// <value>The default is 365 days.</value>
    public TimeSpan PracticeEvery { get; set; } = TimeSpan.FromDays(365);

    /// <summary>
    /// When people on call who are due to practise get a direct message saying so: <c>[first] &lt;day&gt; &lt;HH:mm&gt;
    /// [&lt;IANA time zone&gt;]</c> (with <c>first</c>, monthly). Empty turns the reminder off.
    /// </summary>
    /// <value>The default is <c>first Monday 09:30 UTC</c>: once a month, so a year's gap is not a weekly nag.</value>
    public string PracticeReminderAt { get; set; } = "first Monday 09:30 UTC";

    /// <summary>
    /// Teams for drill score trends: a team's name and its members' user ids (<c>Drills:Teams:payments = [ "alice", "bob" ]</c>).
    /// A drill counts for a team when one of its members held a role in it.
    /// </summary>
    public Dictionary<string, List<string>> Teams { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Each team's member ids, for the drill trends per team.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> TeamMembers() =>
        Teams.ToDictionary(t => t.Key, t => (IReadOnlySet<string>)t.Value.ToHashSet(StringComparer.Ordinal), StringComparer.OrdinalIgnoreCase);

    /// <summary>The folder scenarios are read from: <see cref="Path"/>, else <c>drills/</c> beside the application (the same rule as <c>Plans:Path</c>).</summary>
    public string ResolvedPath() => Hosting.ContentFolder.Resolve(Path, "drills");
}
