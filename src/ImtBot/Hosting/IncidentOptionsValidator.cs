using System.Text.RegularExpressions;
using ImtBot.Core.Incidents;
using Microsoft.Extensions.Options;

namespace ImtBot.Hosting;

/// <summary>Checks the <c>Incidents</c> section at start-up and lists every problem at once.</summary>
internal sealed partial class IncidentOptionsValidator : IValidateOptions<IncidentOptions>
{
    public ValidateOptionsResult Validate(string? name, IncidentOptions options)
    {
        var problems = new List<string>();
        if (options.Roles.Count == 0)
        {
            problems.Add("Incidents:Roles must name at least the lead role (e.g. commander).");
        }

        foreach (var role in options.Roles.Where(r => !RoleName().IsMatch(r)))
        {
            problems.Add($"Incidents:Roles: \"{role}\" is not a valid role name (one word of letters, digits, '-' or '_').");
        }

        foreach (var dup in options.Roles.GroupBy(r => r, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add($"Incidents:Roles: \"{dup.Key}\" appears more than once.");
        }

        foreach (var key in options.KeyRoles.Where(k => !options.Roles.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            problems.Add($"Incidents:KeyRoles: \"{key}\" is not one of Incidents:Roles.");
        }

        foreach (var role in options.OnCall.Keys.Where(k => !options.Roles.Contains(k, StringComparer.OrdinalIgnoreCase)))
        {
            problems.Add($"Incidents:OnCall: \"{role}\" is not one of Incidents:Roles ({string.Join(", ", options.Roles)}).");
        }

        if (options.PageRounds is < 1 or > 10)
        {
            problems.Add($"Incidents:PageRounds must be between 1 and 10 (is {options.PageRounds}).");
        }

        if (options.DefaultSeverity is < 1 or > 4)
        {
            problems.Add($"Incidents:DefaultSeverity must be between 1 and 4 (is {options.DefaultSeverity}).");
        }

        foreach (var (key, policy) in options.Policies)
        {
            if (!SeverityKey().IsMatch(key))
            {
                problems.Add($"Incidents:Policies: \"{key}\" is not a severity (SEV1…SEV4).");
                continue;
            }

            if (policy.PageTimeout <= TimeSpan.Zero)
            {
                problems.Add($"Incidents:Policies:{key}:PageTimeout must be positive.");
            }

            foreach (var (setting, value) in new[] { ("UpdateCadence", policy.UpdateCadence), ("CommanderReminder", policy.CommanderReminder), ("RoleReminder", policy.RoleReminder) })
            {
                if (value is { } v && v <= TimeSpan.Zero)
                {
                    problems.Add($"Incidents:Policies:{key}:{setting} must be positive, or empty for never.");
                }
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex RoleName();

    [GeneratedRegex("^SEV[1-4]$", RegexOptions.IgnoreCase)]
    private static partial Regex SeverityKey();
}
