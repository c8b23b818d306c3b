namespace ImtBot.Core.Reviews;

/// <summary>The review's sections that people write in words, by the command that writes each.</summary>
public static class ReviewSections
{
    /// <summary><c>summary &lt;text&gt;</c>: the Overview.</summary>
    public const string Summary = "summary";

    /// <summary><c>cause &lt;text&gt;</c>: the Contributing factors.</summary>
    public const string Cause = "cause";

    /// <summary><c>resolution &lt;text&gt;</c>: the Resolution.</summary>
    public const string Resolution = "resolution";

    public static IReadOnlyList<string> All { get; } = [Summary, Cause, Resolution];

    /// <summary>The heading a section is written under.</summary>
    public static string Heading(string section) => section switch
    {
        Summary => "Overview",
        Cause => "Contributing factors",
        Resolution => "Resolution",
        _ => section,
    };
}
