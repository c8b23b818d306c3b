using ImtBot.Core.Drills;
using ImtBot.Core.Plans;

namespace ImtBot.Drills;

/// <summary>Every scenario file (<c>*.yaml</c>, <c>*.yml</c>) of a folder, and every problem in them at once.</summary>
internal static class ScenarioFolder
{
    /// <param name="plans">The response plans a scenario's <c>task &lt;id&gt;</c> is checked against; null: not checked.</param>
    public static (DrillCatalog Catalog, IReadOnlyList<string> Problems) Load(string? folder, PlanCatalog? plans = null)
    {
        var problems = new List<string>();
        if (folder is null)
        {
            return (DrillCatalog.Empty, problems);
        }

        if (!Directory.Exists(folder))
        {
            problems.Add($"Drills:Path '{folder}' is not a folder; name the folder holding the scenario files, or leave it empty to use the drills/ folder of the installation.");
            return (DrillCatalog.Empty, problems);
        }

        var scenarios = new List<DrillScenario>();
        var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var paths = Directory.EnumerateFiles(folder, "*.yaml").Concat(Directory.EnumerateFiles(folder, "*.yml")).Order(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var name = Path.Combine(Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)), Path.GetFileName(path));
            if (ScenarioFile.Read(name, File.ReadAllText(path), problems, plans) is not { } scenario)
            {
                continue;
            }

            if (files.TryGetValue(scenario.Id, out var first))
            {
                problems.Add($"{name}:1: the id \"{scenario.Id}\" is taken by {first}; ids name the scenario in `drill <id>` and must be unique.");
                continue;
            }

            files[scenario.Id] = name;
            scenarios.Add(scenario);
        }

        return (new DrillCatalog(scenarios), problems);
    }
}
