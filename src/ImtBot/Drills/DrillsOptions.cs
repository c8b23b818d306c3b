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

    /// <summary>The folder scenarios are read from: <see cref="Path"/>, else <c>drills/</c> beside the application (the same rule as <c>Plans:Path</c>).</summary>
    public string ResolvedPath() => Hosting.ContentFolder.Resolve(Path, "drills");
}
