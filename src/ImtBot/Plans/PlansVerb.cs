using ImtBot.Core.Incidents;
using ImtBot.Hosting;

namespace ImtBot.Plans;

/// <summary><c>imtbot plans check [--Plans:Path=DIR]</c>: validates every plan file and lists every problem; exit 1 when any.</summary>
internal static class PlansVerb
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] != "check")
        {
            stderr.WriteLine("usage: imtbot plans check [--Plans:Path=<folder>]");
            return CliVerbs.Usage;
        }

        var configuration = CliVerbs.Configuration(args[1..]);
        var options = new PlansOptions();
        configuration.GetSection(PlansOptions.SectionName).Bind(options);
        var incidents = new IncidentOptions();
        IncidentsExtensions.Bind(incidents, configuration.GetSection(IncidentOptions.SectionName));

        var (plans, problems) = PlanFolder.Load(options.Folder, incidents.Roles, ComplianceExtensions.ComplianceOptionsFrom(configuration).Enabled);
        foreach (var problem in problems)
        {
            stderr.WriteLine(problem.Line == 0 ? $"{problem.File}: {problem.Message}" : problem.ToString());
        }

        foreach (var plan in plans)
        {
            var types = string.Join(", ", plan.Types.Prepend(plan.Id).Distinct());
            stdout.WriteLine($"{plan.Source}: {plan.Title} — {plan.Tasks.Count} tasks ({plan.Tasks.Count(t => t.Required)} required), types {types}");
        }

        stdout.WriteLine($"{plans.Count} plans valid, {problems.Count} problems in {options.Folder}.");
        return problems.Count == 0 ? CliVerbs.Ok : CliVerbs.Error;
    }
}
