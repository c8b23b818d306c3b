namespace ImtBot.Hosting;

/// <summary>
/// The one rule for where a folder of content files shipped with the bot (<c>plans/</c>, <c>drills/</c>) is read
/// from: the configured path (relative to the working directory), else the copy beside the application that the
/// build and publish put there. No searching up the directory tree: the folder read is the one the settings name or
/// the one that ships with this binary, wherever it is started from.
/// </summary>
public static class ContentFolder
{
    /// <param name="configured">The setting (<c>Plans:Path</c>, <c>Drills:Path</c>); empty: the built-in copy.</param>
    /// <param name="name">The folder's name in the repository and beside the application: <c>plans</c>, <c>drills</c>.</param>
    public static string Resolve(string? configured, string name) =>
        string.IsNullOrWhiteSpace(configured) ? BuiltIn(name) : Path.GetFullPath(configured);

    /// <summary>The copy beside the application: <c>&lt;app folder&gt;/&lt;name&gt;</c>.</summary>
    public static string BuiltIn(string name) => Path.Combine(AppContext.BaseDirectory, name);
}
