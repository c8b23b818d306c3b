namespace ImtBot.Drills;

/// <summary>The <c>Drills</c> section: where the scenario files are and how often people should practise.</summary>
public sealed class DrillsOptions
{
    public const string SectionName = "Drills";

    /// <summary>The folder of scenario files (<c>*.yaml</c>).</summary>
    /// <value>The default is empty: the nearest <c>drills/</c> folder of the working directory, the application
    /// folder or one of their parents (so <c>dotnet run --project src/ImtBot</c> finds the repository's).</value>
    public string Path { get; set; } = "";

    /// <summary>How long a person may go without holding a role in a drill or incident before the commander pool is told.</summary>
    /// <value>The default is 365 days.</value>
    public TimeSpan PracticeEvery { get; set; } = TimeSpan.FromDays(365);

    /// <summary>The folder scenarios are read from: <see cref="Path"/>, else the nearest <c>drills/</c>, else null (none).</summary>
    public string? ResolvedPath()
    {
        if (!string.IsNullOrWhiteSpace(Path))
        {
            return Path;
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = System.IO.Path.Combine(dir.FullName, "drills");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
