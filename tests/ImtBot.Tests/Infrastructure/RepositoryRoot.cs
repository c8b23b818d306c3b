namespace ImtBot.Tests.Infrastructure;

public static class RepositoryRoot
{
    /// <summary>The folder holding ImtBot.sln, found by walking up from the test's output folder.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ImtBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ImtBot.sln not found above " + AppContext.BaseDirectory);
    }
}
