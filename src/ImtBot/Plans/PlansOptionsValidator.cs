using ImtBot.Core.Compliance;
using ImtBot.Core.Incidents;
using Microsoft.Extensions.Options;

namespace ImtBot.Plans;

/// <summary>Checks <c>Plans:Path</c> and every plan file in it at start, listing every problem with file and line.</summary>
/// <param name="compliance">The compliance regimes a plan's <c>clock</c> step may name; optional.</param>
public sealed class PlansOptionsValidator(IOptions<IncidentOptions> incidents, IOptions<ComplianceOptions>? compliance = null) : IValidateOptions<PlansOptions>
{
    public ValidateOptionsResult Validate(string? name, PlansOptions options)
    {
        var (_, problems) = PlanFolder.Load(options.Folder, incidents.Value.Roles, Regimes());
        return problems.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(problems.Select(p => p.Line == 0 ? $"Plans:Path '{options.Folder}': {p.Message}" : $"Plans: {p}"));
    }

    /// <summary>The enabled regimes, or null (not checked) while the Compliance section is bad: it reports that itself.</summary>
    private IReadOnlyList<string>? Regimes()
    {
        try
        {
            return compliance?.Value.Enabled;
        }
        catch (OptionsValidationException)
        {
            return null;
        }
    }
}
