namespace ImtBot.Tests.Plans;

/// <summary>A temporary plans folder for one test.</summary>
internal sealed class PlanFiles : IDisposable
{
    public PlanFiles()
    {
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "imtbot-tests", "plans-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string yaml)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, yaml.ReplaceLineEndings("\n"));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    public const string Minimal = """
        id: minimal
        title: Minimal
        phases:
          assess:
            - id: scope
              text: Scope the impact
              owner: commander
              due: 15m
              required: true
        """;
}
