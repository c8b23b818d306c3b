namespace ImtBot.Plans;

/// <summary>The <c>Plans</c> configuration section.</summary>
public sealed class PlansOptions
{
    public const string SectionName = "Plans";

    /// <summary>
    /// The folder of response plan files (<c>*.yaml</c>, one per kind of incident, plus <c>default.yaml</c>). Edited files
    /// are read again at the next declaration (the folder is looked at once every 2 seconds at most).
    /// </summary>
    /// <value>The default is empty: the <c>plans/</c> folder beside the application (the repository's plans, copied by the build).</value>
    public string Path { get; set; } = "";

    /// <summary>The folder the plans are read from.</summary>
    public string Folder => Hosting.ContentFolder.Resolve(Path, "plans");

    /// <summary>The built-in plans: <c>plans/</c> beside the application.</summary>
    public static string BuiltInPath => Hosting.ContentFolder.BuiltIn("plans");
}
