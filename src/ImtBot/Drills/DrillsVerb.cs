using ImtBot.Core.Incidents;
using ImtBot.Core.Plans;
using ImtBot.Hosting;
using ImtBot.Plans;
using Microsoft.Extensions.Options;

namespace ImtBot.Drills;

/// <summary><c>imtbot drills check [--Drills:Path=dir] [--Plans:Path=dir]</c>: reads every scenario file and lists every problem (exit 1), or the scenarios (exit 0).</summary>
internal static class DrillsVerb
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] != "check")
        {
            stderr.WriteLine("usage: imtbot drills check [--Drills:Path=<folder>]");
            return CliVerbs.Usage;
        }

        var configuration = CliVerbs.Configuration(args[1..]);
        var options = new DrillsOptions();
        configuration.GetSection(DrillsOptions.SectionName).Bind(options);
        var folder = options.ResolvedPath();
        var (catalog, problems) = ScenarioFolder.Load(folder, Plans(configuration));
        if (problems.Count > 0)
        {
            stderr.WriteLine($"{problems.Count} problem(s) in the drill scenarios in {folder}:");
            foreach (var p in problems)
            {
                stderr.WriteLine("  - " + p);
            }

            return CliVerbs.Error;
        }

        stdout.WriteLine($"{catalog.Scenarios.Count} scenario(s) in {folder}, all valid:");
        foreach (var s in catalog.Scenarios.OrderBy(s => s.Id, StringComparer.Ordinal))
        {
            stdout.WriteLine($"  {s.Id} · SEV{s.Severity}{(s.Type is null ? "" : " · " + s.Type)} · {s.Title} · {s.Injects.Count} injects, {s.Expected.Count} expected actions");
        }

        return CliVerbs.Ok;
    }

    /// <summary>The valid plans of <c>Plans:Path</c>, which a scenario's <c>task &lt;id&gt;</c> is checked against (<c>plans check</c> reports the plans' own problems).</summary>
    private static PlanCatalog Plans(IConfiguration configuration)
    {
        var plans = new PlansOptions();
        configuration.GetSection(PlansOptions.SectionName).Bind(plans);
        var incidents = new IncidentOptions();
        IncidentsExtensions.Bind(incidents, configuration.GetSection(IncidentOptions.SectionName));
        return new PlanCatalog(PlanFolder.Load(plans.Folder, incidents.Roles).Plans);
    }
}
