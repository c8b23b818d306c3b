using ImtBot.Core.Plans;

namespace ImtBot.Plans;

/// <summary>Reads and checks every plan file of a folder at once.</summary>
public static class PlanFolder
{
    /// <summary>The plan files of <paramref name="folder"/> (<c>*.yaml</c> and <c>*.yml</c>), sorted by name.</summary>
    public static IReadOnlyList<string> Files(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.yaml").Concat(Directory.EnumerateFiles(folder, "*.yml")).Order(StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>Every valid plan and every problem of every file (a plan id used by two files is a problem of the second).</summary>
    /// <param name="regimes">The enabled compliance regimes a <c>clock</c> step may name; null: not checked.</param>
    public static (IReadOnlyList<ResponsePlan> Plans, IReadOnlyList<PlanProblem> Problems) Load(string folder, IReadOnlyCollection<string> roles, IReadOnlyCollection<string>? regimes = null)
    {
        var problems = new List<PlanProblem>();
        if (!Directory.Exists(folder))
        {
            problems.Add(new PlanProblem(folder, 0, "Plans:Path is not a folder; name the folder holding the plan files (*.yaml), or leave it empty for the built-in plans."));
            return ([], problems);
        }

        var parser = new PlanFileParser(roles, regimes);
        var plans = new List<ResponsePlan>();
        foreach (var file in Files(folder))
        {
            var (plan, found) = parser.Parse(Path.GetFileName(file), File.ReadAllText(file));
            problems.AddRange(found);
            if (plan is not null)
            {
                plans.Add(plan);
            }
        }

        problems.AddRange(TypeClashes(plans));
        return (plans, problems);
    }

    /// <summary>A type two plans both claim at overlapping severities makes the choice ambiguous.</summary>
    internal static IEnumerable<PlanProblem> TypeClashes(IReadOnlyList<ResponsePlan> plans)
    {
        for (var i = 0; i < plans.Count; i++)
        {
            for (var j = 0; j < i; j++)
            {
                var (a, b) = (plans[j], plans[i]);
                var overlap = (b.MinSeverity ?? 1) <= (a.MaxSeverity ?? 9) && (a.MinSeverity ?? 1) <= (b.MaxSeverity ?? 9);
                var shared = b.Types.Prepend(b.Id).Where(a.AppliesTo).ToArray();
                if (overlap && shared.Length > 0)
                {
                    yield return new PlanProblem(FileOf(b), 1, $"type '{shared[0]}' is also claimed by {FileOf(a)} at overlapping severities: give each plan its own types or severity range.");
                }
            }
        }
    }

    private static string FileOf(ResponsePlan plan) => plan.Source?.Split('@')[0] ?? plan.Id + ".yaml";
}
