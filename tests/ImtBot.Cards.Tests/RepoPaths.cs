namespace ImtBot.Cards.Tests;

/// <summary>Finds the repository (the folder holding <c>ImtBot.sln</c>) by walking up from the test's base directory.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Cards => Path.Combine(Root, "cards");

    public static string TestFile(string name) => Path.Combine(Root, "tests", "ImtBot.Cards.Tests", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ImtBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ImtBot.sln not found above " + AppContext.BaseDirectory);
    }
}
